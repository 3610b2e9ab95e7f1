import Foundation
import HTMLSite
import NeuralNetworks
import Outputs
import Tensors
import Testing
import TestSupport

/// The latent explorer computes, in the browser, what our Swift decoder computes: a VAE with
/// 2-number codes is trained here on synthetic images, the fixture site is built with its
/// explorer, and headless Chromium points at two codes and moves the slider.
@Suite struct LatentExplorerBrowserTests {
    /// The most a canvas pixel may differ from the Swift decoder's, in grey levels of 255: the
    /// browser sums in another order than BLAS (and in double precision), which can move a
    /// pixel that sits on a rounding boundary by one level.
    static let tolerance = 1

    /// A VAE of the course's shape (2→400→784 decoder) trained for two epochs on 512 synthetic
    /// images of four kinds (rings, bars across, bars down, blobs), and those images.
    static func trainedVAE() throws -> (vae: VAE, images: Tensor, classes: [Int]) {
        var random = Tensors.RandomGenerator(seed: 19)
        let count = 512, side = 28
        var classes: [Int] = []
        var pixels: [Float] = []
        for index in 0..<count {
            let kind = index % 4, size = 3 + 6 * Double(random.nextUniform())
            classes.append(kind)
            for pixel in 0..<(side * side) {
                let dx = Double(pixel % side) - 13.5, dy = Double(pixel / side) - 13.5
                let distance: Double = switch kind {
                case 0: abs((dx * dx + dy * dy).squareRoot() - size)
                case 1: abs(dy) - size / 3
                case 2: abs(dx) - size / 3
                default: (dx * dx + dy * dy).squareRoot() - size
                }
                pixels.append(Float(1 / (1 + exp(2 * distance))))
            }
        }
        let images = Tensor(shape: [count, side * side], values: pixels)
        let vae = VAE(VAE.Configuration(inputSize: side * side, latentSize: 2), generator: &random)
        let optimizer = Adam(parameters: vae.parameters, learningRate: 2e-3)
        _ = try vae.train(on: images, epochs: 2, batchSize: 64, optimizer: optimizer, generator: &random)
        return (vae, images, classes)
    }

    /// Grey levels as the site draws intensities (`ImageGrid`'s PNG and the explorer alike).
    static func levels(_ intensities: [Float]) -> [Int] {
        intensities.map { $0.isNaN ? 0 : Int((min(max($0, 0), 1) * 255).rounded()) }
    }

    /// What the Swift decoder makes of `code`, in grey levels.
    static func swiftLevels(_ vae: VAE, _ code: [Float]) -> [Int] {
        levels(vae.decode(Tensor(shape: [1, 2], values: code)).array)
    }

    @Test func pointingAndSlidingShowWhatTheSwiftDecoderMakes() throws {
        guard let chromium = ExternalTool.chromium(for: "the latent explorer's browser test") else { return }
        let (vae, images, classes) = try Self.trainedVAE()
        let explorer = vae.latentExplorer(of: images, classes: classes, classNames: ["ring", "bar across", "bar down", "blob"],
                                          from: 0, to: 1, imageRows: 28, imageColumns: 28)
        #expect(explorer.decoder.map(\.kind) == ["linear", "relu", "linear", "sigmoid"])
        #expect(explorer.parameterCount == 315_584)

        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
            .build(lessons: try FixtureCourse.executedLessons(explorer: explorer), into: site)
        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(site.appendingPathComponent("01-codes.html").resolvingSymlinksInPath().absoluteString,
                                   domains: ["Page", "Runtime"])
        let app = "document.querySelector('.explorer-app')"
        #expect(try browser.evaluate("\(app).dataset.started === 'true' && !\(app).hidden", in: tab) as? Bool == true,
                "the explorer did not start")
        try browser.evaluate("\(app).scrollIntoView({block: 'center'})", in: tab)
        let box = try #require(try browser.evaluate(
            "(() => { const r = \(app).querySelector('.explorer-plane').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()",
            in: tab) as? [Double])

        // Two codes: one of the training images' codes, and a point off the data.
        let plane = explorer.plane
        let targets: [[Double]] = [
            [Double(explorer.codes[6]), Double(explorer.codes[7])],
            [plane[0] + 0.8 * (plane[1] - plane[0]), plane[2] + 0.15 * (plane[3] - plane[2])],
        ]
        var decoded: [[Int]] = []
        for target in targets {
            let x = box[0] + (target[0] - plane[0]) / (plane[1] - plane[0]) * box[2]
            let y = box[1] + (plane[3] - target[1]) / (plane[3] - plane[2]) * box[3]
            try browser.send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": x, "y": y], session: tab.session)
            let code = try Self.code(browser.evaluate("\(app).dataset.code", in: tab))
            // The pointer lands on a whole CSS pixel: the code is within a pixel's worth of the target.
            #expect(abs(Double(code[0]) - target[0]) <= (plane[1] - plane[0]) / box[2], "z₁ \(code[0]) for \(target[0])")
            #expect(abs(Double(code[1]) - target[1]) <= (plane[3] - plane[2]) / box[3], "z₂ \(code[1]) for \(target[1])")
            let canvas = try Self.canvasLevels(browser, tab, "\(app).querySelector('.explorer-decoded canvas')")
            let expected = Self.swiftLevels(vae, code)
            let worst = zip(canvas, expected).map { abs($0 - $1) }.max() ?? .max
            #expect(canvas.count == 784 && worst <= Self.tolerance, "code \(code): the canvas is up to \(worst) levels from the Swift decoder's image")
            decoded.append(canvas)
        }
        // The two codes decode to different pictures, so matching them is no accident of a blank canvas.
        let apart = zip(decoded[0], decoded[1]).map { abs($0 - $1) }.reduce(0, +) / 784
        #expect(apart >= 5, "the two codes' images differ by only \(apart) levels on average")

        // A quarter of the way along the slider: the code and image of our Swift interpolation.
        try browser.evaluate("(() => { const s = \(app).querySelector('.explorer-path input'); s.value = 250; s.dispatchEvent(new Event('input')); })()", in: tab)
        let pathCode = try Self.code(browser.evaluate("\(app).dataset.pathCode", in: tab))
        let first = Tensor(shape: [0]), second = Tensor(shape: [0])
        first.gatherRows(of: images, at: [0])
        second.gatherRows(of: images, at: [1])
        let path = vae.interpolate(from: first, to: second, steps: 5).array  // t = 0, ¼, ½, ¾, 1
        let expectedCode = (0..<2).map { (1 - 0.25) * explorer.codes[$0] + 0.25 * explorer.codes[2 + $0] }
        #expect(zip(pathCode, expectedCode).allSatisfy { abs($0 - $1) <= 1e-5 }, "slider code \(pathCode), expected \(expectedCode)")
        let slid = try Self.canvasLevels(browser, tab, "\(app).querySelector('.explorer-path-image')")
        let worst = zip(slid, Self.levels(Array(path[784..<1568]))).map { abs($0 - $1) }.max() ?? .max
        #expect(slid.count == 784 && worst <= Self.tolerance, "the slider's image is up to \(worst) levels from the Swift interpolation's")
        try browser.close(tab)
    }

    /// A code written as `z₁ z₂` by the page.
    static func code(_ value: Any?) throws -> [Float] {
        let text = try #require(value as? String, "the explorer wrote no code")
        let numbers = text.split(separator: " ").compactMap { Double($0) }.map(Float.init)
        try #require(numbers.count == 2, "not a code: \(text)")
        return numbers
    }

    /// The red channel of every pixel of the canvas `element` (the images are grey).
    static func canvasLevels(_ browser: ChromiumSession, _ tab: ChromiumSession.Tab, _ element: String) throws -> [Int] {
        let values = try #require(try browser.evaluate(
            "(() => { const c = \(element); return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 0)); })()",
            in: tab) as? [Int])
        return values
    }
}
