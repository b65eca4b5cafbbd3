import DICOMCore

/// DICOM values in the text forms Django's DateField and TimeField read from a fixture.
enum DjangoValues {
    /// The outcome of a conversion.
    enum Converted: Equatable {
        case value(String)
        case missing
        /// The value as read, which the field cannot hold.
        case invalid(String)
    }

    /// A DA value as a DateField value, `YYYY-MM-DD`.
    ///
    /// `20240312` and the ACR-NEMA form `2024.03.12` convert; a value that is not a whole day
    /// (`2024`, `202403`, `20240230`, `00000000`, text) is invalid: DateField has no partial dates.
    static func date(_ text: String?) -> Converted {
        guard let text, !text.isEmpty else { return .missing }
        guard let date = DICOMDate(text), date.isComplete else { return .invalid(text) }
        return .value(date.iso8601)
    }

    /// A TM value as a TimeField value, `HH:MM:SS` or `HH:MM:SS.ffffff`, as Python's
    /// `time.isoformat()` writes it (and so as `dumpdata` would).
    ///
    /// A time given to the hour or minute (`14`, `1404`, `14:04`) is that hour or minute with
    /// zero seconds; a fraction of 1 to 6 digits becomes microseconds (`.5` is `.500000`) and
    /// is left out when zero. A leap second (`60`) is invalid: Python's `time` has none. The
    /// Timezone Offset From UTC is not applied: TimeField holds the time as written.
    static func time(_ text: String?) -> Converted {
        guard let text, !text.isEmpty else { return .missing }
        guard let time = DICOMTime(text), (time.second ?? 0) < 60 else { return .invalid(text) }
        var result = twoDigits(time.hour) + ":" + twoDigits(time.minute ?? 0) + ":" + twoDigits(time.second ?? 0)
        if let microsecond = time.microsecond, microsecond != 0 {
            let digits = String(microsecond)
            result += "." + String(repeating: "0", count: 6 - digits.count) + digits
        }
        return .value(result)
    }

    /// Length as Django's `max_length` counts it: Python `len`, i.e. Unicode scalars
    /// (`山田` is 2, not 6 bytes; `é` written as e + U+0301 is 2).
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
