// Fingerprints: everything a template can see, so that an unchanged context need not be rendered
// again (`BuildCache`).

extension LinkView {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(self.title)
        hasher.combine(self.url)
    }
}

extension BadgeView {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(self.name)
        hasher.combine(self.title)
        hasher.combine(self.url)
        hasher.combine(self.count)
    }
}

extension CardView {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(self.digest)
    }
}

extension SiteView {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(self.digest)
    }
}

extension PageContext {
    func fingerprint(into hasher: inout StableHasher) {
        site.fingerprint(into: &hasher)
        for text in [kind, title, documentTitle, summary, url, permalink, content] { hasher.combine(text) }
        for text in [lede, date, dateISO, updated, updatedISO, difficulty, who] { hasher.combine(text) }
        hasher.combine(duration)
        hasher.combine(materials)
        hasher.combine(isTopic)
        hasher.combine(isExerciseList)
        for item in toc {
            hasher.combine(item.text)
            hasher.combine(item.id)
            hasher.combine(item.level)
        }
        for list in [types, tags, allTags] {
            hasher.combine(list.count)
            for badge in list { badge.fingerprint(into: &hasher) }
        }
        hasher.combine(pathTotal)
        hasher.combine(paths.count)
        for place in paths { place.fingerprint(into: &hasher) }
        for list in [related, pages, exercises, topics, pathCards] {
            hasher.combine(list.count)
            for card in list { card.fingerprint(into: &hasher) }
        }
        for list in [backlinks, otherTopics] {
            hasher.combine(list.count)
            for link in list { link.fingerprint(into: &hasher) }
        }
    }
}
