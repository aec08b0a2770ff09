namespace Commonweal.Referrals;

/// <summary>What may be attached to a referral: documents a service can open, up to 5 MB.</summary>
public static class ReferralAttachments
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".txt"] = "text/plain",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>Why the file cannot be attached, with the field at fault ("fileName" or "content"), or null when it can.</summary>
    public static (string Field, string Message)? Check(string? fileName, string? contentType, byte[] content)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return ("fileName", "Give the file's name");
        }

        if (content.Length == 0)
        {
            return ("content", "Select a file to attach: this one is empty");
        }

        if (content.Length > ReferralAttachment.MaxBytes)
        {
            return ("content", "The file must be smaller than 5 MB");
        }

        if (Path.GetFileName(fileName).Length > ReferralAttachment.FileNameMaxLength)
        {
            return ("fileName", $"The file name must be {ReferralAttachment.FileNameMaxLength} characters or fewer");
        }

        return Allowed.TryGetValue(Path.GetExtension(fileName), out var expected) && string.Equals(expected, contentType, StringComparison.OrdinalIgnoreCase)
            ? null
            : ("fileName", "The file must be a PDF, Word or OpenDocument text, plain text, PNG or JPEG");
    }
}
