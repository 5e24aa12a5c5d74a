import CLinux
import Foundation
import Glibc
import SystemPackage

/// The one way Hearth reaches the file system: reading, writing, walking, renaming and removing.
/// swift-system does the reads, writes and stats (its calls retry when a signal interrupts them);
/// it has no directory listing, mkdir, unlink, rename or link, so those few are Glibc's, here and
/// nowhere else, and renameat2 comes from the CLinux shim. Paths are plain strings: a large site
/// reads thousands a build, and URL's path handling cost more than the calls themselves.
public enum Files {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// What is at a path. `entries(in:)` gives nil for an entry whose kind the folder's file
    /// system does not say (DT_UNKNOWN): ask `kind(_:)`.
    public enum Kind: Sendable {
        case file, folder, link, other
    }

    /// The last call's error, as the system words it: "No space left on device".
    public static var lastError: String { String(cString: strerror(errno)) }

    private static func stat(_ path: String, followingLinks: Bool) -> Stat? {
        try? Stat(FilePath(path), followTargetSymlink: followingLinks)
    }

    /// The kind of what is at `path`, a link itself unless `followingLinks`; nil when nothing is.
    public static func kind(_ path: String, followingLinks: Bool = false) -> Kind? {
        guard let info = stat(path, followingLinks: followingLinks) else { return nil }
        switch info.type {
        case .regular: return .file
        case .directory: return .folder
        case .symbolicLink: return .link
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(path) != nil }

    /// Whether `path` is a folder, or a link to one.
    public static func isFolder(_ path: String) -> Bool { kind(path, followingLinks: true) == .folder }

    /// The size of a regular file (not a link to one); nil for anything else.
    public static func size(_ path: String) -> Int? {
        guard let info = stat(path, followingLinks: false), info.type == .regular else { return nil }
        return Int(info.size)
    }

    /// How many names a regular file has; nil when there is none at `path`.
    public static func linkCount(_ path: String) -> Int? {
        guard let info = stat(path, followingLinks: false), info.type == .regular else { return nil }
        return info.linkCount
    }

    /// A file's size and modification time in microseconds (links followed); nil when nothing is there.
    public static func sizeAndModification(_ path: String) -> (size: Int, microseconds: Int64)? {
        guard let info = stat(path, followingLinks: true) else { return nil }
        let time = info.st_mtim
        return (Int(info.size), Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1000)
    }

    /// `<dev>-<ino>` of a folder, or nil when it is not one.
    public static func identity(_ path: String) -> String? {
        guard let info = stat(path, followingLinks: false), info.type == .directory else { return nil }
        return "\(info.deviceID.rawValue)-\(info.inode.rawValue)"
    }

    /// The real path (links resolved), or nil when nothing is there.
    public static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// A regular file's bytes, or nil when it cannot be read.
    public static func read(_ path: String) -> Data? {
        guard let fd = try? FileDescriptor.open(path, .readOnly, options: [.closeOnExec, .nonBlocking]) else {
            return nil
        }
        defer { try? fd.close() }
        guard let info = try? fd.stat(), info.type == .regular else { return nil }
        var data = Data(count: Int(info.size))
        let filled = data.withUnsafeMutableBytes { buffer -> Int? in
            var filled = 0
            while filled < buffer.count {
                guard let n = try? fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])) else {
                    return nil
                }
                if n == 0 { break }  // the file shrank meanwhile
                filled += n
            }
            return filled
        }
        guard let filled else { return nil }
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// The first `count` bytes of a regular file (all of a shorter one), or nil when it cannot be read.
    public static func readPrefix(_ path: String, count: Int) -> [UInt8]? {
        guard let fd = try? FileDescriptor.open(path, .readOnly, options: [.closeOnExec, .nonBlocking]) else {
            return nil
        }
        defer { try? fd.close() }
        guard let info = try? fd.stat(), info.type == .regular else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                try? fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            guard let n else { return nil }
            if n == 0 { break }
            filled += n
        }
        return Array(bytes.prefix(filled))
    }

    /// Writes `bytes` as the whole of the file at `path`, made if need be.
    public static func write<Bytes: Sequence>(_ bytes: Bytes, to path: String) throws where Bytes.Element == UInt8 {
        let fd = try create(path)
        defer { try? fd.close() }
        guard writeAll(bytes, to: fd) else { throw Failure(description: "cannot write \(path): \(lastError)") }
    }

    /// Writes `bytes` as a new file at `path`; fails when one is there already.
    public static func writeNew<Bytes: Sequence>(_ bytes: Bytes, to path: String) throws where Bytes.Element == UInt8 {
        let fd = try openForWriting(path, [.create, .exclusiveCreate, .closeOnExec])
        defer { try? fd.close() }
        guard writeAll(bytes, to: fd) else {
            let reason = lastError
            remove(path)  // half a file would make a second try say it exists
            throw Failure(description: "cannot write \(path): \(reason)")
        }
    }

    /// Writes `bytes` beside `path`, then renames the copy over it: a reader sees the old file or
    /// the new one, never half of one.
    public static func writeAtomically<Bytes: Sequence>(_ bytes: Bytes, to path: String) throws
    where Bytes.Element == UInt8 {
        let temporary = path + ".hearth-\(getpid())"
        do {
            try write(bytes, to: temporary)
            try rename(temporary, to: path)
        } catch {
            remove(temporary)
            throw error
        }
    }

    /// The file at `path`, emptied or made, open for writing.
    public static func create(_ path: String) throws -> FileDescriptor {
        try openForWriting(path, [.create, .truncate, .closeOnExec])
    }

    /// The file at `path`, made if need be, open for writing at its end.
    public static func openForAppending(_ path: String) throws -> FileDescriptor {
        try openForWriting(path, [.create, .append, .closeOnExec])
    }

    /// Files are made as every tool makes them: readable and writable by all, less the umask.
    private static func openForWriting(_ path: String, _ options: FileDescriptor.OpenOptions) throws
        -> FileDescriptor
    {
        do {
            return try FileDescriptor.open(
                path, .writeOnly, options: options, permissions: FilePermissions(rawValue: 0o666))
        } catch {
            throw Failure(description: "cannot write \(path): \(error)")
        }
    }

    /// A file's bytes mapped read-only, not copied (nil when it is empty or cannot be read), so
    /// that `releasePages` may give the memory back while the kernel keeps the pages cached.
    public static func map(_ path: String) -> Data? {
        guard let fd = try? FileDescriptor.open(path, .readOnly, options: [.closeOnExec, .nonBlocking]) else {
            return nil
        }
        defer { try? fd.close() }
        guard let info = try? fd.stat(), info.size > 0 else { return nil }
        let count = Int(info.size)
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd.rawValue, 0), base != MAP_FAILED else {
            return nil
        }
        return Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }

    /// Gives back this process's pages of a mapping made by `map`; a later read maps them again
    /// from the kernel's page cache.
    public static func releasePages(of mapped: Data) {
        mapped.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return }
            _ = madvise(UnsafeMutableRawPointer(mutating: base), raw.count, MADV_DONTNEED)
        }
    }

    /// Writes all of `bytes` to an open file; false on an error (see `lastError`).
    public static func writeAll<Bytes: Sequence>(_ bytes: Bytes, to fd: FileDescriptor) -> Bool
    where Bytes.Element == UInt8 {
        (try? fd.writeAll(bytes)) != nil
    }

    /// Every name in a folder but `.` and `..`, hidden ones too, with its kind when the folder's
    /// file system says it; nil when the folder cannot be opened.
    public static func entries(in folder: String) -> [(name: String, kind: Kind?)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, kind: Kind?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            let kind: Kind? =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): .file
                case Int32(DT_DIR): .folder
                case Int32(DT_LNK): .link
                case Int32(DT_UNKNOWN): nil
                default: .other
                }
            out.append((name, kind))
        }
        return out
    }

    /// Makes a folder (open to all, less the umask); one already there is fine.
    public static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create folder \(path): \(lastError)")
        }
    }

    /// Makes a folder and any of its parents that are missing.
    public static func makeFolders(_ path: String) throws {
        guard !isFolder(path) else { return }
        if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeFolders(String(path[..<slash]))
        }
        try makeFolder(path)
    }

    /// Removes a file or a link (nothing if none is there).
    public static func remove(_ path: String) { unlink(path) }

    /// Removes a folder if it is empty.
    public static func removeEmptyFolder(_ path: String) { rmdir(path) }

    /// Removes a folder and everything in it, or a file (nothing if none is there).
    public static func removeTree(_ path: String) {
        guard let kind = kind(path) else { return }
        if kind == .folder {
            for (name, _) in entries(in: path) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Moves `from` to `to`, replacing a file there.
    public static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw Failure(description: "cannot move \(from) to \(to): \(lastError)")
        }
    }

    /// Swaps two paths in one atomic step; false where the file system cannot.
    public static func exchange(_ a: String, _ b: String) -> Bool { hearth_exchange(a, b) == 0 }

    /// Gives the file at `existing` a second name; false where the file system cannot.
    public static func hardLink(_ existing: String, as path: String) -> Bool { link(existing, path) == 0 }
}
