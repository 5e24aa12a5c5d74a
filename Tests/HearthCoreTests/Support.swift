import Foundation
import HearthCore
import Testing

/// Fixture sites under Tests/HearthCoreTests/Fixtures, copied to a fresh folder for each test.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where this test run keeps its copies of sites: `hearth-tests/<pid>` in the temporary folder.
    /// The folders of earlier runs, whose processes have ended, are removed on first use, so that
    /// runs do not pile up copies; the last run's stay for a look after a failure.
    static let runFolder: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-tests")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let pid = Int32(name), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        let folder = parent.appendingPathComponent(String(getpid()))
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// A path for a new folder of this run.
    static func newFolder(_ prefix: String) -> URL {
        runFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// A site's `content/` and `templates/` (the guide's, unless another root is given) copied into
    /// a new folder.
    static func copy(of root: URL = repository, as prefix: String) throws -> URL {
        let target = newFolder(prefix)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: root.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }

    /// A fresh copy of a fixture site, with the default theme unless the fixture has its own.
    static func site(_ name: String) throws -> URL {
        let target = newFolder("site")
        try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target)
        let templates = target.appendingPathComponent("templates")
        if !FileManager.default.fileExists(atPath: templates.path) {
            try FileManager.default.copyItem(at: repository.appendingPathComponent("templates"), to: templates)
        }
        return target
    }

    /// The basic fixture with some files replaced, added (`text`) or removed (nil).
    static func site(_ name: String = "basic", changing files: [String: String?]) throws -> URL {
        let root = try site(name)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            if let text {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        return root
    }

    static func write(_ data: Data, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}

/// Adds a line to the end of a file, as an editor saving one more line does.
func appendLine(_ line: String, to url: URL) throws {
    try Data((try String(contentsOf: url, encoding: .utf8) + "\n" + line + "\n").utf8).write(to: url)
}

/// The site a build makes from a copy of `root`'s sources, with no cache and no earlier output.
func cleanBuild(of root: URL) async throws -> [String: Data] {
    let clean = try Fixture.copy(of: root, as: "clean")
    var options = BuildOptions(root: clean)
    options.useCache = false
    #expect(await SiteBuilder.build(options).succeeded)
    return snapshot(clean.appendingPathComponent("public"))
}

func build(_ root: URL, drafts: Bool = false, write: Bool = true, baseURL: String? = nil) async -> BuildReport {
    await SiteBuilder.build(BuildOptions(root: root, baseURL: baseURL, includeDrafts: drafts, writeOutput: write))
}

func output(_ root: URL, _ path: String) -> String? {
    FileManager.default.contents(atPath: root.appendingPathComponent("public/" + path).path).map {
        String(decoding: $0, as: UTF8.self)
    }
}

/// Every file below a folder with its bytes, for byte-identical comparisons.
func snapshot(_ folder: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return out }
    for case let path as String in enumerator {
        let url = folder.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            out[path] = FileManager.default.contents(atPath: url.path)
        }
    }
    return out
}

extension BuildReport {
    /// `file:line:col: severity H203` of every diagnostic: what tests expect, each problem's place
    /// and code. The wording may change; a code keeps its meaning (docs/diagnostics.md).
    var lines: [String] {
        diagnostics.sorted.map { "\($0.location): \($0.severity.rawValue) \($0.code)" }
    }

    /// `lines` with each message, for the comment of an expectation that failed.
    var messages: [String] {
        diagnostics.sorted.map { "\($0.location): \($0.severity.rawValue) \($0.code): \($0.message)" }
    }

    func has(_ severity: Severity = .error, _ location: String, _ code: DiagnosticCode) -> Bool {
        diagnostics.items.contains { $0.severity == severity && $0.location == location && $0.code == code }
    }
}
