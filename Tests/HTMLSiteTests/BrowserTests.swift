import Foundation
import Testing

@Suite struct BrowserTests {
    /// Loads every page of the fixture site from `file://` in headless Chromium and checks that
    /// nothing is logged as an error, every image decodes to a real size, and no request goes
    /// anywhere but the site folder. Skips, with a note, only when Chromium is not installed.
    @Test func everyPageLoadsCleanlyFromFileURLs() throws {
        guard let chromium = ExternalTool.find("chromium") ?? ExternalTool.find("chromium-browser") else {
            print("note: chromium is not installed; skipping the browser test (apt-get install -y chromium)")
            return
        }
        let temporary = try TemporaryFolder()
        let site = try ExternalTool.buildFixtureSite(in: temporary)
        let folderURL = site.resolvingSymlinksInPath().absoluteString
        let siteURL = folderURL.hasSuffix("/") ? folderURL : folderURL + "/"
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["01-codes.html", "02-vae-loss.html", "index.html"])

        let browser = try ChromiumSession(executable: chromium)
        var imageCount = 0
        for page in pages {
            let target = try browser.send("Target.createTarget", ["url": "about:blank"])
            let targetID = try #require(target["targetId"] as? String)
            let attached = try browser.send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
            let session = try #require(attached["sessionId"] as? String)
            for domain in ["Page", "Runtime", "Log", "Network"] { try browser.send("\(domain).enable", session: session) }
            _ = browser.takeEvents()

            let url = site.appendingPathComponent(page).resolvingSymlinksInPath().absoluteString
            try browser.send("Page.navigate", ["url": url], session: session)
            try browser.waitForEvent("Page.loadEventFired", session: session)
            let evaluation = try browser.send("Runtime.evaluate", [
                "expression": "JSON.stringify(Array.from(document.images, i => [i.getAttribute('src'), i.complete, i.naturalWidth, i.naturalHeight]))",
                "returnByValue": true,
            ], session: session)
            let json = try #require((evaluation["result"] as? [String: Any])?["value"] as? String)
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
            try browser.send("Target.closeTarget", ["targetId": targetID])
        }
        // The home page's thumbnails and the lessons' figures and prose image were all seen.
        #expect(imageCount == 6)
    }
}
