/// The tool's version; also part of every cache key.
public enum HearthVersion {
    public static let current = "0.1.0"
}
