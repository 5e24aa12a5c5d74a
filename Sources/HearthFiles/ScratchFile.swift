import Foundation
import Synchronization
import SystemPackage

/// Bytes set aside on disk for the length of a build, so that memory need not hold them: a large
/// site's rendered Markdown waits there between its stage and the templates (issue 37). The file
/// is unlinked as soon as it is made: nothing is left behind, whatever ends the process, and it is
/// freed when the last reference goes. Writes and reads go by offset, from any core at once.
public final class ScratchFile: Sendable {
    private let descriptor: FileDescriptor
    /// Where the next write goes: each write takes its range first, then writes outside any lock.
    private let end = Atomic<Int>(0)
    private let failedReads = Atomic<Int>(0)

    /// The bytes written so far.
    public var size: Int { end.load(ordering: .relaxed) }

    /// Whether a read came back short (an I/O error): what was read then must not be published.
    public var hasFailedReads: Bool { failedReads.load(ordering: .relaxed) > 0 }

    /// A new scratch file in `folder` (made if missing); nil when none can be made there.
    public init?(in folder: String) {
        guard (try? Files.makeFolders(folder)) != nil else { return nil }
        for _ in 0..<8 {
            let path = folder + "/scratch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            guard
                let fd = try? FileDescriptor.open(
                    FilePath(path), .readWrite, options: [.create, .exclusiveCreate, .closeOnExec],
                    permissions: .ownerReadWrite)
            else { continue }
            Files.remove(path)
            descriptor = fd
            return
        }
        return nil
    }

    deinit {
        try? descriptor.close()
    }

    /// Writes `bytes` and says where they lie; nil when they could not be written (a full disk):
    /// the caller keeps them in memory then.
    public func keep(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        let start = end.add(bytes.count, ordering: .relaxed).oldValue
        guard (try? descriptor.writeAll(toAbsoluteOffset: Int64(start), bytes)) != nil else { return nil }
        return start..<start + bytes.count
    }

    /// The bytes at `range`, as UTF-8 text; nil when they cannot be read back.
    public func string(at range: Range<Int>) -> String? {
        var complete = true
        let text = String(unsafeUninitializedCapacity: range.count) { buffer in
            var done = 0
            while done < range.count {
                let slice = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[done...])
                guard let n = try? descriptor.read(fromAbsoluteOffset: Int64(range.lowerBound + done), into: slice),
                    n > 0
                else { break }
                done += n
            }
            complete = done == range.count
            return done
        }
        if !complete { failedReads.add(1, ordering: .relaxed) }
        return complete ? text : nil
    }
}
