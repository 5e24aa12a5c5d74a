import Foundation

/// The tool's version; also part of every cache key.
public enum HearthVersion {
    public static let current = "0.1.0"

    /// The version and which build of it runs: the executable's size and modification time. Cache
    /// keys use it, so that a rebuilt tool (a fix between two releases) never trusts what another
    /// build of the same version cached.
    public static let build: String = {
        guard let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber,
            let modified = attributes[.modificationDate] as? Date
        else { return current }
        return "\(current)+\(size.intValue).\(Int64(modified.timeIntervalSince1970 * 1_000_000))"
    }()
}
