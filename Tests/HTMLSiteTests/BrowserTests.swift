import TestSupport
import Foundation
import Testing

@Suite struct BrowserTests {
    /// Loads every page of the fixture site from `file://` in headless Chromium and checks that
    /// nothing is logged as an error, every image decodes to a real size, and no request goes
    /// anywhere but the site folder. Skips, with a note, only when Chromium is not installed.
    @Test func everyPageLoadsCleanlyFromFileURLs() throws {
        guard let chromium = ExternalTool.chromium(for: "the browser test") else { return }
        let temporary = try TemporaryFolder()
        let site = try ExternalTool.buildFixtureSite(in: temporary)
        let folderURL = site.resolvingSymlinksInPath().absoluteString
        let siteURL = folderURL.hasSuffix("/") ? folderURL : folderURL + "/"
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["01-codes.html", "02-vae-loss.html", "index.html"])

        let browser = try ChromiumSession(executable: chromium)
        var imageCount = 0
        for page in pages {
            let url = site.appendingPathComponent(page).resolvingSymlinksInPath().absoluteString
            let tab = try browser.open(url, domains: ["Page", "Runtime", "Log", "Network"])
            let session = tab.session
            let json = try #require(try browser.evaluate(
                "JSON.stringify(Array.from(document.images, i => [i.getAttribute('src'), i.complete, i.naturalWidth, i.naturalHeight]))",
                in: tab) as? String)
            let images = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
            for image in images {
                let source = image[0] as? String ?? "?"
                #expect(image[1] as? Bool == true && (image[2] as? Int ?? 0) > 0 && (image[3] as? Int ?? 0) > 0,
                        "\(page): image \(source) did not load")
            }
            imageCount += images.count

            for event in browser.takeEvents() where event["sessionId"] as? String == session {
                let params = event["params"] as? [String: Any] ?? [:]
                switch event["method"] as? String {
                case "Runtime.consoleAPICalled":
                    #expect(!["error", "warning", "assert"].contains(params["type"] as? String), "\(page): console \(params)")
                case "Runtime.exceptionThrown":
                    Issue.record("\(page): exception \(params)")
                case "Log.entryAdded":
                    let entry = params["entry"] as? [String: Any] ?? [:]
                    #expect(entry["level"] as? String != "error", "\(page): \(entry["text"] ?? entry)")
                case "Network.requestWillBeSent":
                    let request = (params["request"] as? [String: Any])?["url"] as? String ?? ""
                    #expect(request.hasPrefix(siteURL), "\(page) requested \(request), outside the site")
                case "Network.loadingFailed":
                    Issue.record("\(page): a load failed: \(params["errorText"] ?? params)")
                default:
                    break
                }
            }
            try browser.close(tab)
        }
        // The home page's thumbnails and the lessons' figures and prose image were all seen.
        #expect(imageCount == 6)
    }
}
