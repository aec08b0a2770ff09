namespace Commonweal.Referrals;

/// <summary>
/// The NHS number: ten digits, the last a modulus 11 check digit. Weights 10 down to 2 on the first
/// nine digits; 11 minus the remainder is the check digit, 11 becomes 0, and 10 means the number
/// cannot be valid.
/// </summary>
public static class NhsNumber
{
    /// <summary>Digits only, or null when the text is not ten digits once spaces and hyphens are removed.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string([.. text.Where(c => c is not (' ' or '-'))]);
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static bool IsValid(string? text) => Normalise(text) is { } digits && CheckDigit(digits) == digits[9] - '0';

    /// <summary>The check digit the first nine digits call for, or null when they admit none.</summary>
    public static int? CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>As people write it: 943 476 5919.</summary>
    public static string Format(string digits) => digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
}
