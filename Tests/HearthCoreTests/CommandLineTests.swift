import Foundation
import Testing

/// The `hearth` executable as a person runs it: the one `swift build --build-tests` builds beside
/// the tests (`HEARTH` names another), never one found on the PATH.
@Suite("command line")
struct CommandLineTests {
    static var executable: URL {
        if let named = ProcessInfo.processInfo.environment["HEARTH"] { return URL(fileURLWithPath: named) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "hearth")
    }

    @Test("the hearth these tests run is there, and is the one beside them or the one HEARTH names")
    func declaredBinary() throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.executable.path),
            "no hearth at \(Self.executable.path): build it with `swift build --build-tests`, or set HEARTH")
        let (status, _) = try Self.run(["--version"])
        #expect(status == 0)
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
        arguments: [
            ["new", "article"], ["new", "article", "emotional"], ["new", "exercise", "A", "B"], ["new", "poem", "x"],
        ])
    func newUsage(_ arguments: [String]) throws {
        let (status, stderr) = try Self.run(arguments)
        #expect(status != 0)
        #expect(stderr.contains("Usage: hearth new <kind> <words> ..."), "\(stderr)")
        #expect(!stderr.contains("SUBCOMMANDS"), "\(stderr)")
    }

    @Test("hearth build -v prints each phase's time and the memory the build holds after it")
    func verbosePhases() throws {
        let root = try Fixture.site("basic")
        let (status, stderr) = try Self.run(["build", "-v", "--source", root.path, "--no-cache"])
        #expect(status == 0)
        for phase in ["load content", "render markdown", "cross-links", "render and write"] {
            let line = stderr.split(separator: "\n").first { $0.contains(phase) }
            #expect(line?.wholeMatch(of: /\s+[a-z -]+\s+[0-9]+\.[0-9]{3} s\s+[0-9,]+ MB/) != nil, "\(stderr)")
        }
    }

    @Test("hearth build warns of a base URL on an example domain, at its line in site.yml; a real one is quiet")
    func exampleBaseURL() throws {
        let root = try Fixture.site("basic")
        let placeholder = try Self.run(["build", "--source", root.path, "--no-cache"])
        #expect(placeholder.status == 0)
        // The warning's line starts with its place and ends with its code.
        func warned(_ stderr: String, at place: String) -> Bool {
            stderr.split(separator: "\n").contains { $0.hasPrefix(place + ": warning: ") && $0.hasSuffix(" [H407]") }
        }
        #expect(warned(placeholder.stderr, at: "content/site.yml:2:10"), "\(placeholder.stderr)")
        let real = try Self.run(["build", "--source", root.path, "--no-cache", "--base-url", "https://closer.love/"])
        #expect(real.status == 0 && !real.stderr.contains("[H407]"), "\(real.stderr)")
        let flag = try Self.run(["build", "--source", root.path, "--no-cache", "--base-url", "https://guide.example/"])
        #expect(warned(flag.stderr, at: "--base-url"), "\(flag.stderr)")
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

@Suite("make theme")
struct EmbedThemeTests {
    @Test("the default theme embeds text as written and binary files (an image) byte for byte")
    func binaryAssets() throws {
        let root = Fixture.newFolder("embed")
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF]
        try Fixture.write(Data(png), to: "templates/assets/dot.png", in: root)
        try Fixture.write(Data("<p>{{title}}</p>\n".utf8), to: "templates/page.mustache", in: root)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Sources/HearthCore/Render"), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = CommandLineTests.executable.deletingLastPathComponent()
            .appendingPathComponent("embed-theme")
        process.arguments = [root.path]
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let swift = try String(
            contentsOf: root.appendingPathComponent("Sources/HearthCore/Render/DefaultTheme.swift"), encoding: .utf8)
        #expect(swift.contains("\"assets/dot.png\": .base64(\"\(Data(png).base64EncodedString())\")"))
        #expect(swift.contains("\"page.mustache\": .text(\n            #\"\"\"\n            <p>{{title}}</p>\n"))
    }
}
