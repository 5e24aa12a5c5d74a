import Foundation
import HearthFiles

/// The tool's version; also part of every cache key.
public enum HearthVersion {
    public static let current = "0.1.0"

    /// The version and which build of it runs: the executable's size and modification time. Cache
    /// keys use it, so that a rebuilt tool (a fix between two releases) never trusts what another
    /// build of the same version cached.
    public static let build: String = {
        guard let path = Bundle.main.executablePath, let file = Files.sizeAndModification(path) else { return current }
        return "\(current)+\(file.size).\(file.microseconds)"
    }()
}
