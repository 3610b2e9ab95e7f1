import Foundation
import Testing
import TestSupport

/// `course build --pdf`: the whole course as one PDF beside the site, printed by headless
/// Chromium, read back with poppler's tools (`pdfinfo`, `pdftotext`, `pdfimages`).
@Suite struct PDFBuildTests {
    /// The poppler tools, or nil with a note when Chromium or poppler-utils is missing.
    static func tools() -> (pdfinfo: String, pdftotext: String, pdfimages: String)? {
        guard ExternalTool.find("chromium") ?? ExternalTool.find("chromium-browser") != nil else {
            print("note: chromium is not installed; skipping the PDF test (apt-get install -y chromium)")
            return nil
        }
        guard let info = ExternalTool.find("pdfinfo"), let text = ExternalTool.find("pdftotext"), let images = ExternalTool.find("pdfimages") else {
            print("note: poppler-utils is not installed; skipping the PDF test (apt-get install -y poppler-utils)")
            return nil
        }
        return (info, text, images)
    }

    /// A title page, the contents and both lessons (each from a new page), numbered, with the
    /// lessons' titles as text and their three image grids as images.
    @Test func buildPrintsTheWholeCourseToOnePDFBesideTheSite() throws {
        guard let tools = Self.tools() else { return }
        let course = try SmallCourse()
        let result = try course.run(["build", "--pdf"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("printed the course to site/course.pdf ("), "\(result.out)")
        let pdf = course.site.appendingPathComponent("course.pdf")
        #expect(FileManager.default.fileExists(atPath: course.site.appendingPathComponent("print.html").path))

        let info = try ExternalTool.run(tools.pdfinfo, [pdf.path])
        #expect(info.status == 0, "\(info.output)")
        let pages = Int(info.output.firstMatch(of: #/Pages:\s+(\d+)/#).map { String($0.1) } ?? "") ?? 0
        #expect(pages >= 4, "\(info.output)")

        let text = try ExternalTool.run(tools.pdftotext, ["-layout", pdf.path, "-"])
        #expect(text.status == 0)
        // "Lesson 1" is set in capitals.
        for title in ["A small course", "Contents", "Lesson 1", "Codes", "Lesson 2", "Images"] {
            #expect(text.output.localizedCaseInsensitiveContains(title), "the PDF's text has no '\(title)'")
        }
        // Every page but the title page ends with its number, alone at the foot.
        let pageTexts = text.output.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(pages)
        for (index, page) in pageTexts.enumerated().dropFirst() {
            let lastLine = page.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces)
            #expect(lastLine == String(index + 1), "page \(index + 1) ends with '\(lastLine ?? "")'")
        }

        // The three image grids (reconstructions, samples, training images) are in it as images.
        let images = try ExternalTool.run(tools.pdfimages, ["-list", pdf.path])
        let rows = images.output.split(separator: "\n").dropFirst(2).filter { $0.contains(" image ") }
        #expect(rows.count >= 3, "\(images.output)")
    }

    /// Without Chromium the site is still written, and the command says how to get the PDF
    /// and fails.
    @Test func withoutChromiumTheSiteIsWrittenAndTheBuildFailsWithAHint() throws {
        let course = try SmallCourse()
        // The same PATH without the folders that hold a Chromium.
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").filter { folder in
            !["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].contains {
                FileManager.default.fileExists(atPath: "\(folder)/\($0)")
            }
        }.joined(separator: ":")
        let result = try course.run(["build", "--pdf"], shellPrefix: "export PATH='\(path)'")
        #expect(result.status == 1)
        #expect(result.err.contains("""
            error: cannot print the PDF: Chromium is not installed (no chromium, chromium-browser, google-chrome, google-chrome-stable on PATH)
              hint: install it (apt-get install chromium) and build again; the site was written without the PDF
            """), "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: course.site.appendingPathComponent("index.html").path))
        #expect(!FileManager.default.fileExists(atPath: course.site.appendingPathComponent("course.pdf").path))
    }
}
