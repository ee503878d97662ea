/// Phone numbers are compared by their digits, so "+249 912 345 678" and "+249912345678" are one number.
public enum PhoneNumber {
    /// "+" followed by digits when the input started with + or 00, plain digits otherwise; nil when it is not a
    /// plausible phone number (6 to 15 digits, only digits, spaces, dashes, dots and brackets).
    public static func normalise(_ text: String) -> String? {
        var digits = ""
        var international = false
        for (index, ch) in text.enumerated() {
            if ch == "+" && index == 0 {
                international = true
            } else if let value = ch.wholeNumberValue, ch.isNumber {
                digits.append(String(value))
            } else if !" -.()".contains(ch) {
                return nil
            }
        }
        if !international && digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        guard (6...15).contains(digits.count) else { return nil }
        return international ? "+" + digits : digits
    }
}
