"""More credit labels for `credit_labels`: Urdu, Amharic, Sinhala and Greek newsrooms' labels
before a picture's or a video's credit ("فوٹو: Name", "ፎቶ፡ Name", "ඡායාරූපය: Name",
"Φωτ.: Name"), each with its language and what it says.

Kept apart from `credit_labels` (which merges this table into its own) so that each table
stays small. Pure data.
"""

from __future__ import annotations

# label -> (language, meaning); the meaning "video" marks a video's credit.
MORE_CREDIT_LABELS: dict[str, tuple[str, str]] = {
    # Urdu (Pakistani papers: "فوٹو: House", "فوٹو بشکریہ: Body" — courtesy of the body)
    "فوٹو": ("Urdu", "photo"),
    "فوٹو بشکریہ": ("Urdu", "photo courtesy of"),
    "بشکریہ": ("Urdu", "courtesy of"),
    "ویڈیو": ("Urdu", "video"),
    "اسکرین گریب": ("Urdu", "screen grab"),
    "اسکرین شاٹ": ("Urdu", "screenshot"),
    # Amharic (Ge'ez script; the label closes with the Ethiopic colon "፡")
    "ፎቶ": ("Amharic", "photo"),
    "ቪዲዮ": ("Amharic", "video"),
    # Sinhala
    "ඡායාරූපය": ("Sinhala", "the photograph"),
    "ඡායාරූප": ("Sinhala", "photographs"),
    "වීඩියෝ": ("Sinhala", "video"),
    # Greek (ERT and other Greek newsrooms: "Φωτ.:" abbreviates "photograph")
    "Φωτ.": ("Greek", "photograph (abbreviated)"),
    "Φωτογράφος": ("Greek", "photographer"),
    "Πηγή": ("Greek", "source"),
    # Serbian (Cyrillic and Latin): a frame captured from the screen
    "Снимак екрана": ("Serbian", "screen capture"),
    "Snimak ekrana": ("Serbian", "screen capture"),
}
