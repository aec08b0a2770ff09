using System.Security.Cryptography;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Passport;

/// <summary>The outcome of an upload: the stored document (new or reused), or why the file was refused.</summary>
public sealed record DocumentUpload(PassportDocument? Document, bool Reused, string? Error)
{
    public static DocumentUpload Refused(string error) => new(null, false, error);
}

/// <summary>
/// Uploading documents to evidence. A file is accepted only if its first bytes show it is one of the
/// allowed types (the name and the browser's content type are easy to get wrong or to fake), and a
/// file the organisation already holds is linked again rather than stored twice.
/// </summary>
public static class PassportDocuments
{
    public const long MaxLength = 10 * 1024 * 1024;
    public const string AllowedDescription = "a PDF, Word document (DOCX), PNG or JPEG";

    private static readonly (string Extension, string ContentType, byte[] Signature)[] Allowed =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>The content type to store, or the message that says why the file is refused.</summary>
    public static (string? ContentType, string? Error) Inspect(string? fileName, long length, ReadOnlySpan<byte> start)
    {
        if (string.IsNullOrWhiteSpace(fileName) || length == 0)
        {
            return (null, "The selected document is empty");
        }

        if (length > MaxLength)
        {
            return (null, "The selected document must be smaller than 10 MB");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (ext, contentType, signature) in Allowed)
        {
            if (ext == extension && start.StartsWith(signature))
            {
                return (contentType, null);
            }
        }

        return (null, $"The selected document must be {AllowedDescription}");
    }

    /// <summary>Stores the file (or finds the same bytes already held) and attaches it to the evidence.</summary>
    public static async Task<DocumentUpload> AttachAsync(
        CommonwealDbContext db, Evidence evidence, string? fileName, byte[] content, Guid? userId, CancellationToken cancellationToken = default)
    {
        var (contentType, error) = Inspect(fileName, content.LongLength, content);
        if (error is not null)
        {
            return DocumentUpload.Refused(error);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var existing = await db.PassportDocuments
            .Where(d => d.OrganisationId == evidence.OrganisationId && d.Sha256 == hash)
            .Select(d => new { d.Id })
            .FirstOrDefaultAsync(cancellationToken);
        PassportDocument document;
        if (existing is not null)
        {
            document = await db.PassportDocuments.FirstAsync(d => d.Id == existing.Id, cancellationToken);
        }
        else
        {
            document = new PassportDocument
            {
                OrganisationId = evidence.OrganisationId,
                Kind = evidence.Kind,
                ContentType = contentType!,
                FileName = TidyName(fileName!),
                Length = content.LongLength,
                Sha256 = hash,
                Content = content,
                UploadedAt = db.Now,
                UploadedByUserId = userId,
            };
            db.PassportDocuments.Add(document);
        }

        if (!await db.EvidenceAttachments.AnyAsync(a => a.EvidenceId == evidence.Id && a.DocumentId == document.Id, cancellationToken))
        {
            db.EvidenceAttachments.Add(new EvidenceAttachment { EvidenceId = evidence.Id, DocumentId = document.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DocumentUpload(document, existing is not null, null);
    }

    /// <summary>Takes a document off an item; a document nothing refers to any more is deleted.</summary>
    public static async Task DetachAsync(CommonwealDbContext db, Guid evidenceId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var attachment = await db.EvidenceAttachments.FirstOrDefaultAsync(a => a.EvidenceId == evidenceId && a.DocumentId == documentId, cancellationToken);
        if (attachment is null)
        {
            return;
        }

        db.EvidenceAttachments.Remove(attachment);
        if (!await db.EvidenceAttachments.AnyAsync(a => a.DocumentId == documentId && a.EvidenceId != evidenceId, cancellationToken))
        {
            // Loaded whole, so that the audit log records what was deleted (its bytes redacted).
            db.PassportDocuments.Remove(await db.PassportDocuments.FirstAsync(d => d.Id == documentId, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Only the name, never a path the browser sent; kept within the column.</summary>
    private static string TidyName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        return name.Length <= PassportDocument.FileNameMaxLength ? name : name[^PassportDocument.FileNameMaxLength..];
    }
}
