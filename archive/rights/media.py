"""The media a picture may be used on: pure names, shared by the models and the rules."""

WEB, PRINT, SOCIAL, SYNDICATION, TRAINING = "web", "print", "social", "syndication", "training"
MEDIA: tuple[str, ...] = (WEB, PRINT, SOCIAL, SYNDICATION, TRAINING)
MEDIUM_LABELS = {
    WEB: "the web",
    PRINT: "print",
    SOCIAL: "social media",
    SYNDICATION: "syndication",
    TRAINING: "an AI training set",
}
