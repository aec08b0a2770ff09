using Commonweal.Data;

namespace Commonweal.Passport;

/// <summary>
/// A file that backs evidence (an insurance certificate, the safeguarding policy itself). Held once
/// per organisation and hash: the same file attached to several items, or uploaded again, is stored once.
/// </summary>
public sealed class PassportDocument
{
    public const int FileNameMaxLength = 255;

    public Guid Id { get; set; } = NewId.Next();
    public Guid OrganisationId { get; set; }

    /// <summary>The kind of evidence it was first uploaded for.</summary>
    public EvidenceKind Kind { get; set; }

    /// <summary>Decided from the file's own first bytes, not from what the browser said.</summary>
    public required string ContentType { get; set; }

    public required string FileName { get; set; }
    public long Length { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid? UploadedByUserId { get; set; }
}

/// <summary>Links a document to an item of evidence.</summary>
public sealed class EvidenceAttachment
{
    public Guid EvidenceId { get; set; }
    public Guid DocumentId { get; set; }
    public PassportDocument? Document { get; set; }
}
