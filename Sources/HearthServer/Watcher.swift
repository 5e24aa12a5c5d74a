import Foundation
import Glibc
import HearthFiles
import Synchronization

/// Watches folders with inotify and reports the paths that changed, debounced.
final class SourceWatcher: Sendable {
    private let fd: Int32
    private let root: URL
    private let watched: [String]
    /// The watch on the root itself, for a watched folder made or removed while serving (a site
    /// built with the default theme gets a `templates/` of its own).
    private let rootWatch: Int32
    /// The watched folders by watch descriptor. Only the watching thread uses them once watching
    /// starts; the lock is never contended.
    private let folders = Mutex<[Int32: String]>([:])

    /// - Parameters:
    ///   - root: the site root; reported paths are relative to it.
    ///   - watched: folders below the root to watch, recursively.
    init?(root: URL, watching watched: [String]) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.root = root
        self.watched = watched
        rootWatch = inotify_add_watch(
            fd, root.path, UInt32(IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ONLYDIR))
        for folder in watched { addRecursively(folder) }
    }

    deinit {
        close(fd)
    }

    private func addRecursively(_ relative: String) {
        let path = root.appendingPathComponent(relative).path
        let mask = UInt32(
            IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY | IN_DELETE_SELF)
        let wd = inotify_add_watch(fd, path, mask)
        // A folder watched already (through a symbolic link back up, say) is not walked again.
        let isNew =
            wd >= 0
            && folders.withLock { folders in
                guard folders[wd] == nil else { return false }
                folders[wd] = relative
                return true
            }
        guard isNew else { return }
        for (name, _) in Files.entries(in: path) ?? [] where Files.isFolder(path + "/" + name) {
            addRecursively(relative + "/" + name)
        }
    }

    /// Paths changed since the last call (non-blocking).
    private func drain() -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if wd == rootWatch {
                    // Only the watched folders themselves: the output and the cache are here too.
                    if watched.contains(name) {
                        changed.insert(name)
                        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                            addRecursively(name)
                        }
                    }
                } else if let folder = folders.withLock({ $0[wd] }) {
                    let path = name.isEmpty ? folder : folder + "/" + name
                    if !Self.isEditorBackup(name) { changed.insert(path) }
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addRecursively(path)
                    }
                }
                offset = nameStart + length
            }
        }
        return changed
    }

    /// Names editors keep beside a file and that the site never reads: hidden files (vim's
    /// `.x.md.swp`, Emacs's `.#x.md`), backups (`x.md~`, JetBrains' `x.md___jb_old___`).
    static func isEditorBackup(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix("___jb_old___") || (name.hasPrefix("#") && name.hasSuffix("#"))
    }

    /// Names of the files editors write a save through, then rename or remove: vim's `4913` (its
    /// test that the folder is writable), `sed -i`'s `sedAbc123`, JetBrains' `x.md___jb_tmp___`,
    /// atomic writers' `x.md.tmp` and `x.md.tmp1234`.
    static func isEditorScratch(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if isEditorBackup(name) || name == "4913" || name.hasSuffix("___jb_tmp___") { return true }
        if name.count == 9, name.hasPrefix("sed"), name.dropFirst(3).allSatisfy({ $0.isLetter || $0.isNumber }) {
            return true
        }
        return name.contains(".tmp") || name.hasSuffix(".part")
    }

    private func exists(_ relative: String) -> Bool {
        access(root.appendingPathComponent(relative).path, F_OK) == 0
    }

    /// Calls `onChange` with the changed paths, once changes have been quiet for `quiet`. A thread
    /// of its own blocks in `poll` on the inotify descriptor: nothing runs while nothing changes.
    func run(quiet: Duration = .milliseconds(15), onChange: @Sendable (Set<String>) async -> Void) async {
        let (batches, continuation) = AsyncStream<Set<String>>.makeStream()
        let stopped = Atomic<Bool>(false)
        let quietMilliseconds = Int32(
            quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
        let thread = Thread { [self] in
            watch(quietMilliseconds: quietMilliseconds, stopped: stopped, continuation)
        }
        thread.start()
        await withTaskCancellationHandler {
            for await batch in batches { await onChange(batch) }
        } onCancel: {
            stopped.store(true, ordering: .relaxed)
            continuation.finish()
        }
        stopped.store(true, ordering: .relaxed)
    }

    /// The watching thread: collects changes, and hands them on once `quietMilliseconds` pass with
    /// none; wakes every quarter second to see whether it should stop.
    private func watch(
        quietMilliseconds: Int32, stopped: borrowing Atomic<Bool>, _ continuation: AsyncStream<Set<String>>.Continuation
    ) {
        var collected: Set<String> = []
        while !stopped.load(ordering: .relaxed) {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, collected.isEmpty ? 250 : quietMilliseconds)
            if ready > 0 {
                collected.formUnion(drain())
            } else if ready == 0, !collected.isEmpty {
                // An editor's scratch file that is gone again by now was only how the save was
                // made: the save is the edit of the file it landed in, which is in the batch too.
                let batch = collected.filter { !(Self.isEditorScratch($0) && !exists($0)) }
                if !batch.isEmpty { continuation.yield(batch) }
                collected = []
            }
        }
        continuation.finish()
    }
}
