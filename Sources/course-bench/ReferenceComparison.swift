import Foundation

/// Runs the PyTorch references in `shared/reference/` and reads what they print, so our
/// models and theirs are measured in one run on one machine.
enum ReferenceComparison {
    struct ReferenceEpoch: Encodable {
        let epoch: Int
        let trainSeconds: Double
        /// The other numbers the script printed for the epoch (test_loss, d_loss, g_loss).
        let values: [String: Double]
    }

    /// Runs `script` with `arguments` under `python` and parses its `epoch N train_s X key value …` lines.
    static func run(python: String, script: String, arguments: [String]) throws -> [ReferenceEpoch] {
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchError("the reference script \(script) is missing", hint: "pass --references with the folder of torch_vae.py and torch_gan.py")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            throw BenchError("cannot run \(python): \(error.localizedDescription)",
                             hint: "install PyTorch: python3 -m venv /tmp/torch && /tmp/torch/bin/pip install torch scipy, then pass --python /tmp/torch/bin/python")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(script) exited with status \(process.terminationStatus)", hint: nil) }
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 4, words[0] == "epoch", let epoch = Int(words[1]), words[2] == "train_s", let seconds = Double(words[3]) else { return nil }
            var values: [String: Double] = [:]
            for pair in stride(from: 4, to: words.count - 1, by: 2) { values[words[pair]] = Double(words[pair + 1]) }
            return ReferenceEpoch(epoch: epoch, trainSeconds: seconds, values: values)
        }
    }
}

/// A benchmark that cannot run, with what to do about it.
struct BenchError: Error, CustomStringConvertible {
    let message: String, hint: String?
    init(_ message: String, hint: String?) { self.message = message; self.hint = hint }
    var description: String { "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "") }
}
