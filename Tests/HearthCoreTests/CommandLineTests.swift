import Foundation
import Testing

/// The `hearth` executable as a person runs it: built beside the tests by `swift build --build-tests`.
@Suite("command line")
struct CommandLineTests {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hearth")
    }

    /// Exit status and standard error of `hearth` with these arguments.
    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixture.runFolder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "a mistake in `hearth new`'s arguments prints new's usage, not the top level's",
        arguments: [["new", "article"], ["new", "article", "emotional"], ["new", "exercise", "A", "B"], ["new", "poem", "x"]])
    func newUsage(_ arguments: [String]) throws {
        let (status, stderr) = try Self.run(arguments)
        #expect(status != 0)
        #expect(stderr.contains("Usage: hearth new <kind> <words> ..."), "\(stderr)")
        #expect(!stderr.contains("SUBCOMMANDS"), "\(stderr)")
    }

    @Test("the shell completion script is there for bash, zsh and fish")
    func completion() throws {
        for shell in ["bash", "zsh", "fish"] {
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = ["--generate-completion-script", shell]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(text.contains("serve"), "\(shell)")
        }
    }
}
