import Foundation
import Testing

@testable import HearthServer

/// Editors save in many ways: in place, through a rename (vim, atomic writers), through `sed -i`'s
/// temporary file, or JetBrains' safe write. Each is one edit of one file, and the watcher reports
/// it as that, so that each costs what an in-place save costs.
@Suite("editor saves")
struct EditorSaveTests {
    /// The one batch of changes the watcher reports after `save` runs on `content/a.md`.
    static func batch(after save: (URL) throws -> Void) async throws -> Set<String> {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-watch-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\ntitle: A\n---\n\nOne.\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        let watcher = try #require(SourceWatcher(root: root, watching: ["content"]))
        let (batches, continuation) = AsyncStream<Set<String>>.makeStream()
        let task = Task { await watcher.run(quiet: .milliseconds(50)) { continuation.yield($0) } }
        defer { task.cancel() }
        try await Task.sleep(for: .milliseconds(100))
        try save(folder)
        var iterator = batches.makeAsyncIterator()
        return try #require(await iterator.next())
    }

    static let text = Data("---\ntitle: A\n---\n\nTwo.\n".utf8)

    @Test("a save in place, through a rename, through sed -i, vim's or JetBrains' way is one edit of the file")
    func saves() async throws {
        let manager = FileManager.default
        let saves: [(String, (URL) throws -> Void)] = [
            ("in place", { try Self.text.write(to: $0.appendingPathComponent("a.md")) }),
            (
                "atomic rename",
                { folder in
                    try Self.text.write(to: folder.appendingPathComponent("a.md.tmp1234"))
                    _ = rename(
                        folder.appendingPathComponent("a.md.tmp1234").path, folder.appendingPathComponent("a.md").path)
                }
            ),
            (
                "sed -i",
                { folder in
                    try Self.text.write(to: folder.appendingPathComponent("sedX1b2C3"))
                    _ = rename(
                        folder.appendingPathComponent("sedX1b2C3").path, folder.appendingPathComponent("a.md").path)
                }
            ),
            (
                "vim",
                { folder in
                    try Data().write(to: folder.appendingPathComponent("4913"))
                    try manager.removeItem(at: folder.appendingPathComponent("4913"))
                    _ = rename(folder.appendingPathComponent("a.md").path, folder.appendingPathComponent("a.md~").path)
                    try Self.text.write(to: folder.appendingPathComponent("a.md"))
                    try manager.removeItem(at: folder.appendingPathComponent("a.md~"))
                }
            ),
            (
                "JetBrains",
                { folder in
                    let file = folder.appendingPathComponent("a.md").path
                    try Self.text.write(to: URL(fileURLWithPath: file + "___jb_tmp___"))
                    _ = rename(file, file + "___jb_old___")
                    _ = rename(file + "___jb_tmp___", file)
                    try manager.removeItem(atPath: file + "___jb_old___")
                }
            ),
        ]
        for (name, save) in saves {
            #expect(try await Self.batch(after: save) == ["content/a.md"], "\(name)")
        }
    }

    @Test("a file that only looks like a scratch file and stays is an edit like any other")
    func keptNames() async throws {
        let changed = try await Self.batch { try Self.text.write(to: $0.appendingPathComponent("notes.tmp.md")) }
        #expect(changed == ["content/notes.tmp.md"])
    }
}
