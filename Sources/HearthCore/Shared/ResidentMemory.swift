import HearthFiles

/// This process's resident memory, as Linux counts it (`VmRSS` in /proc/self/status), in MB: what
/// `hearth build -v` prints after each phase, so that the memory a phase keeps can be read per page.
enum ResidentMemory {
    static func megabytes() -> Int? {
        guard let status = Files.readPrefix("/proc/self/status", count: 8192) else { return nil }
        let text = String(decoding: status, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }
}
