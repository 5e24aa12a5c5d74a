import HearthTemplates

/// Fingerprints of template contexts: every field a template can see, read through the context's
/// one list of fields, so that an unchanged context need not be rendered again (`BuildCache`).
enum Fingerprint {
    static func of(_ object: some TemplateObject) -> UInt64 {
        var hasher = StableHasher()
        combine(object, into: &hasher)
        return hasher.finalize()
    }

    static func combine(_ object: any TemplateObject, into hasher: inout StableHasher) {
        if let digest = object.digest {
            hasher.combine(digest)
            return
        }
        for field in object.schema.fieldNames.indices {
            combine(object.value(at: field), into: &hasher)
        }
    }

    static func combine(_ value: TemplateValue, into hasher: inout StableHasher) {
        switch value {
        case .null:
            hasher.combine(0)
        case .bool(let flag):
            hasher.combine(1)
            hasher.combine(flag)
        case .int(let number):
            hasher.combine(2)
            hasher.combine(number)
        case .text(let text):
            hasher.combine(3)
            hasher.combine(text)
        case .object(let object):
            hasher.combine(4)
            combine(object, into: &hasher)
        case .list(let list):
            hasher.combine(5)
            hasher.combine(list.count)
            for index in 0..<list.count { combine(list.element(at: index), into: &hasher) }
        }
    }
}
