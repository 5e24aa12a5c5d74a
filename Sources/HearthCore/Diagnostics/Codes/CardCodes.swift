// The codes of exercise cards (H163-H171): the keys a card needs, its content note, its sections (## Steps,
// ## If it gets hard, ## Questions) and its step timers; part of `contentCodes` (ContentCodes.swift).
extension DiagnosticCode {
    static let cardCodes: [DiagnosticCode] = [
        cardFieldMissing, durationNotPositive, contentNoteTriggerWarning, stepsMissing, stepsNotNumbered,
        ifItGetsHardMissing, questionsNotBulleted, questionDeckTooSmall, stepTimerMalformed,
    ]

    // The card's front matter.

    public static let cardFieldMissing = DiagnosticCode(
        "H163", "An exercise card lacks duration, difficulty or types",
        example: """
            ---
            title: Eye Contact
            duration: 5
            types: [emotional]
            ---
            """,
        message: """
            content/exercises/eye-contact.md:1:1: error: an exercise card needs 'difficulty' [H163]
            hint: add difficulty: gentle, moderate or deep
            """,
        fix: """
            Add the key the message names. Every card says how long it takes (duration: 5, in minutes), how much \
            it asks (difficulty: gentle, moderate or deep) and which topics it belongs to (types: [emotional]).
            """)

    public static let durationNotPositive = DiagnosticCode(
        "H164", "A card's duration is 0 minutes or less",
        example: """
            ---
            title: Eye Contact
            duration: 0
            difficulty: gentle
            types: [emotional]
            ---
            """,
        message: """
            content/exercises/eye-contact.md:3:11: error: 'duration' must be more than 0 minutes [H164]
            """,
        fix: """
            Write how many minutes the exercise takes, at least 1: readers choose cards by it, and a step's \
            timers are checked against it.
            """)

    public static let contentNoteTriggerWarning = DiagnosticCode(
        "H165", "A content note says 'trigger warning'",
        example: """
            ---
            title: A Letter You May Not Send
            duration: 20
            difficulty: deep
            types: [emotional]
            contentNote: "Trigger warning: loss"
            ---
            """,
        message: """
            content/exercises/a-letter-you-may-not-send.md:6:14: warning: a content note says what a card touches on, in plain words [H165]
            hint: write what it touches on, e.g. contentNote: grief and loss
            """,
        fix: """
            Say in a few plain words what the card touches on (contentNote: grief and loss). The note is shown \
            before the card starts, so that a reader can choose; it needs no label of its own.
            """)

    // The card's sections.

    public static let stepsMissing = DiagnosticCode(
        "H166", "An exercise card has no '## Steps'",
        example: """
            ---
            title: Eye Contact
            duration: 5
            difficulty: gentle
            types: [emotional]
            ---
            Sit facing each other and hold each other's gaze.
            """,
        message: """
            content/exercises/eye-contact.md:7:1: error: an exercise card needs a '## Steps' section [H166]
            hint: add '## Steps' and under it the steps as a numbered list (1. 2. 3.)
            """,
        fix: """
            Add a '## Steps' heading and, under it, the steps as a numbered list, one step to an item. The \
            guided session shows them one at a time.
            """)

    public static let stepsNotNumbered = DiagnosticCode(
        "H167", "'## Steps' holds no numbered list",
        example: """
            ---
            title: Eye Contact
            duration: 5
            difficulty: gentle
            types: [emotional]
            ---
            ## Steps

            - Sit facing each other.
            - Hold each other's gaze for two minutes.
            """,
        message: """
            content/exercises/eye-contact.md:7:1: error: '## Steps' holds no numbered list [H167]
            hint: write each step as a numbered item on a line of its own: '1. Sit facing each other.'
            """,
        fix: """
            Number the steps ('1. Sit facing each other.', '2. Hold each other's gaze…'), each on a line of its \
            own: bullets ('-') are for the other sections.
            """)

    public static let ifItGetsHardMissing = DiagnosticCode(
        "H168", "A moderate or deep card has no '## If it gets hard'",
        example: """
            ---
            title: An Old Hurt, Heard
            duration: 30
            difficulty: deep
            types: [emotional]
            ---
            ## Steps

            1. Choose one old hurt, and an evening with no rush.
            2. One of you tells it; the other only listens. {10 min}
            """,
        message: """
            content/exercises/an-old-hurt-heard.md:7:1: error: a deep card needs an '## If it gets hard' section [H168]
            hint: add '## If it gets hard': how to pause, how to stop kindly, and where to get help if feelings run high
            """,
        fix: """
            Add an '## If it gets hard' section: how to pause, how to stop kindly, and where to find help. A deep \
            card must have it (an error); a moderate one should (a warning).
            """)

    public static let questionsNotBulleted = DiagnosticCode(
        "H169", "'## Questions' holds no bulleted list",
        example: """
            ---
            title: Love Map Questions
            duration: 20
            difficulty: gentle
            types: [emotional]
            ---
            ## Steps

            1. Take turns drawing a question and answering it.

            ## Questions

            What made you laugh today?
            What are you looking forward to this week?
            """,
        message: """
            content/exercises/love-map-questions.md:11:1: error: '## Questions' holds no bulleted list [H169]
            hint: write each question as a bulleted item on a line of its own: '- What made you laugh today?'
            """,
        fix: """
            Start each question with '- ' on a line of its own: the deck draws them one at a time from that list.
            """)

    public static let questionDeckTooSmall = DiagnosticCode(
        "H170", "A question deck has fewer than 3 questions",
        example: """
            ---
            title: Love Map Questions
            duration: 20
            difficulty: gentle
            types: [emotional]
            ---
            ## Steps

            1. Take turns drawing a question and answering it.

            ## Questions

            - What made you laugh today?
            - What are you looking forward to this week?
            """,
        message: """
            content/exercises/love-map-questions.md:13:1: error: a question deck needs at least 3 questions, and this one has 2 [H170]
            hint: add questions, one bulleted item each, or write them under another heading
            """,
        fix: """
            Add questions until there are at least three, one bulleted item each. A question or two to talk \
            about afterwards belongs under '## Reflect' instead.
            """)

    public static let stepTimerMalformed = DiagnosticCode(
        "H171", "A step's timer is not written as one",
        example: """
            ---
            title: Eye Contact
            duration: 5
            difficulty: gentle
            types: [emotional]
            ---
            ## Steps

            1. Sit facing each other, knees almost touching.
            2. Hold each other's gaze without talking. {2 mins}
            """,
        message: """
            content/exercises/eye-contact.md:10:44: error: '{2 mins}' is not a step timer [H171]
            hint: write {N min} (1 to 180 minutes) or {N s} (1 to 3600 seconds) at the end of the step, e.g. {3 min}
            """,
        fix: """
            Write the timer as a number, a space and 'min' or 's', in braces at the very end of the step: \
            {2 min}, {90 s}. Braces that are not meant as a timer should not start with a number.
            """)
}
