import Foundation
import HearthFiles

// The manifest: what an output or spare folder holds — each file's hash, size and the key it was
// made from — named after the folder's inode so that it cannot describe another folder.
extension OutputWriter {
    /// What the output folder holds, by its manifest; nil when it has none that can be trusted.
    static func manifest(of output: URL) -> Manifest? {
        guard let id = Files.identity(output.path) else { return nil }
        let prefix = cacheFolder(for: output).appendingPathComponent(stagingPrefix(for: output)).path
        return loadManifest("\(prefix)manifest-\(id)")
    }

    /// Replaces some files of the output in place, each atomically (written beside, then renamed
    /// over: a file the spare shares through a link stays as it was), and records them in the
    /// output's manifest, and removes `removing`. For `hearth serve`'s edits that change only these
    /// files.
    static func update(_ files: [OutputFile], removing: [String] = [], in output: URL) throws {
        let prefix = cacheFolder(for: output).appendingPathComponent(stagingPrefix(for: output)).path
        guard let id = Files.identity(output.path) else { throw Failure(description: "the output has no manifest") }
        let manifestPath = "\(prefix)manifest-\(id)"
        // Until the files are in place there is no manifest to vouch for them: if this stops
        // halfway, the next build renders every page instead of trusting a wrong one.
        let pending = manifestPath + ".updating"
        guard (try? Files.rename(manifestPath, to: pending)) != nil else {
            throw Failure(description: "the output has no manifest")
        }
        // The changes are appended, a line each, not the whole manifest written again: at 50,000
        // pages, reading and writing it was a quarter of an edit's time. A full build writes it anew.
        var lines: [UInt8] = []
        for file in files {
            let target = output.path + "/" + file.path
            try Files.writeAtomically(file.bytes, to: target)
            var hasher = StableHasher()
            hasher.combine(bytes: file.bytes)
            appendLine(file.path, Entry(hash: hasher.finalize(), size: file.bytes.count, key: file.key), to: &lines)
        }
        for path in removing {
            Files.remove(output.path + "/" + path)
            lines.append(contentsOf: "- \(path)\n".utf8)
        }
        let fd = try Files.openForAppending(pending)
        defer { try? fd.close() }
        guard Files.writeAll(lines, to: fd) else { throw Failure(description: "the manifest could not be updated") }
        try Files.rename(pending, to: manifestPath)
    }

    /// Reads a manifest: a line per file, `<hash hex> <size> <key hex> <path>`. Parsed on bytes:
    /// the output's and the spare's are read by every build.
    static func loadManifest(_ path: String) -> Manifest? {
        guard let data = Files.read(path) else { return nil }
        return data.withUnsafeBytes { raw -> Manifest? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var manifest: Manifest = [:]
            var i = 0
            func number(radix: UInt64) -> UInt64? {
                var value: UInt64 = 0
                let start = i
                while i < bytes.count, bytes[i] != 0x20 {
                    let c = bytes[i]
                    let digit: UInt64
                    switch c {
                    case 0x30...0x39: digit = UInt64(c - 0x30)
                    case 0x61...0x66 where radix == 16: digit = UInt64(c - 0x61 + 10)
                    default: return nil
                    }
                    let (times, overflow) = value.multipliedReportingOverflow(by: radix)
                    guard !overflow else { return nil }
                    value = times &+ digit
                    i += 1
                }
                guard i > start, i < bytes.count else { return nil }
                i += 1  // the space
                return value
            }
            while i < bytes.count {
                // A file an edit removed: `- <path>`.
                if bytes[i] == 0x2D, i + 1 < bytes.count, bytes[i + 1] == 0x20 {
                    guard let end = bytes[(i + 2)...].firstIndex(of: 0x0A) else { return nil }
                    manifest[String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<end]), as: UTF8.self)] = nil
                    i = end + 1
                    continue
                }
                guard let hash = number(radix: 16), let size = number(radix: 10).flatMap(Int.init(exactly:)),
                    let key = number(radix: 16), let end = bytes[i...].firstIndex(of: 0x0A), end > i
                else { return nil }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
                manifest[name] = Entry(hash: hash, size: size, key: key)
                i = end + 1
            }
            return manifest
        }
    }

    static func saveManifest(_ manifest: Manifest, to path: String) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(manifest.count * 80)
        for (file, entry) in manifest { appendLine(file, entry, to: &bytes) }
        try Files.write(bytes, to: path)
    }

    /// A manifest's line for a file: `<hash hex> <size> <key hex> <path>`.
    private static func appendLine(_ file: String, _ entry: Entry, to bytes: inout [UInt8]) {
        func number(_ value: UInt64, radix: UInt64) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var count = 0
                var v = value
                repeat {
                    let d = UInt8(v % radix)
                    digits[count] = d < 10 ? 0x30 + d : 0x61 + d - 10
                    count += 1
                    v /= radix
                } while v > 0
                for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[i]) }
            }
            bytes.append(0x20)
        }
        number(entry.hash, radix: 16)
        number(UInt64(entry.size), radix: 10)
        number(entry.key, radix: 16)
        bytes.append(contentsOf: file.utf8)
        bytes.append(0x0A)
    }
}
