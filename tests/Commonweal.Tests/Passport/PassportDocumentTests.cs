using System.Text;
using Commonweal.Organisations;
using Commonweal.Passport;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Passport;

public sealed class PassportDocumentTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Organisation, SafeguardingPolicy Policy, DbsCheck Check)> ArrangeAsync()
    {
        await using var db = fixture.Database.CreateContext();
        var organisation = new Organisation { Name = $"Document test {Guid.NewGuid():N}" };
        db.Organisations.Add(organisation);
        var policy = new SafeguardingPolicy { OrganisationId = organisation.Id, ReviewDueOn = new DateOnly(2027, 6, 1) };
        var check = new DbsCheck { OrganisationId = organisation.Id, Role = "Driver", Initials = "AB", IssuedOn = new DateOnly(2026, 1, 5) };
        db.PassportEvidence.AddRange(policy, check);
        await db.SaveChangesAsync(Cancel);
        return (organisation.Id, policy, check);
    }

    [Fact]
    public async Task Attach_SameBytesTwice_StoresOneDocumentAndReusesIt()
    {
        var (organisation, policy, check) = await ArrangeAsync();
        var pdf = PlaceholderPdf.Create("Safeguarding and DBS policy");

        await using var db = fixture.Database.CreateContext();
        var first = await PassportDocuments.AttachAsync(db, policy, "policy.pdf", pdf, null, Cancel);
        var again = await PassportDocuments.AttachAsync(db, check, "policy (copy).pdf", [.. pdf], null, Cancel);

        Assert.False(first.Reused);
        Assert.True(again.Reused);
        Assert.Equal(first.Document!.Id, again.Document!.Id);
        await using var check2 = fixture.Database.CreateContext();
        var stored = await check2.PassportDocuments.Where(d => d.OrganisationId == organisation).ToListAsync(Cancel);
        var document = Assert.Single(stored);
        Assert.Equal(("application/pdf", "policy.pdf", pdf.LongLength, EvidenceKind.SafeguardingPolicy), (document.ContentType, document.FileName, document.Length, document.Kind));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), document.Sha256);
        Assert.Equal(2, await check2.EvidenceAttachments.CountAsync(a => a.DocumentId == document.Id, Cancel));
    }

    [Fact]
    public async Task Attach_DocumentBytes_AreNotCopiedIntoTheAuditLog()
    {
        var (_, policy, _) = await ArrangeAsync();
        var pdf = PlaceholderPdf.Create("A policy with a distinctive phrase: kingfisher");

        await using var db = fixture.Database.CreateContext();
        var upload = await PassportDocuments.AttachAsync(db, policy, "policy.pdf", pdf, null, Cancel);

        var created = await db.AuditEvents.SingleAsync(e => e.Action == "PassportDocument.Created" && e.EntityId == upload.Document!.Id.ToString(), Cancel);
        Assert.Contains("\"Content\":\"(redacted)\"", created.Summary);
        Assert.Contains(upload.Document!.Sha256, created.Summary);
        Assert.DoesNotContain(Convert.ToBase64String(pdf)[..40], created.Summary);
        Assert.DoesNotContain("kingfisher", created.Summary);
    }

    [Theory]
    [InlineData("policy.exe", "MZ", "The selected document must be a PDF, Word document (DOCX), PNG or JPEG")]
    [InlineData("policy.pdf", "MZ this is a program renamed", "The selected document must be a PDF, Word document (DOCX), PNG or JPEG")]
    [InlineData("notes.txt", "%PDF-1.4 but called txt", "The selected document must be a PDF, Word document (DOCX), PNG or JPEG")]
    [InlineData("empty.pdf", "", "The selected document is empty")]
    public async Task Attach_FileOfTheWrongType_IsRefusedWithAMessage(string fileName, string content, string message)
    {
        var (organisation, policy, _) = await ArrangeAsync();

        await using var db = fixture.Database.CreateContext();
        var result = await PassportDocuments.AttachAsync(db, policy, fileName, Encoding.ASCII.GetBytes(content), null, Cancel);

        Assert.Equal(message, result.Error);
        Assert.False(await db.PassportDocuments.AnyAsync(d => d.OrganisationId == organisation, Cancel));
    }

    [Fact]
    public async Task Attach_FileOver10MB_IsRefused_AndOneAtTheLimitAccepted()
    {
        var (organisation, policy, _) = await ArrangeAsync();
        var atLimit = new byte[PassportDocuments.MaxLength];
        "%PDF-"u8.CopyTo(atLimit);
        var overLimit = new byte[PassportDocuments.MaxLength + 1];
        "%PDF-"u8.CopyTo(overLimit);

        await using var db = fixture.Database.CreateContext();
        var refused = await PassportDocuments.AttachAsync(db, policy, "big.pdf", overLimit, null, Cancel);
        var accepted = await PassportDocuments.AttachAsync(db, policy, "limit.pdf", atLimit, null, Cancel);

        Assert.Equal("The selected document must be smaller than 10 MB", refused.Error);
        Assert.Null(accepted.Error);
        Assert.Equal("limit.pdf", Assert.Single(await db.PassportDocuments.Where(d => d.OrganisationId == organisation).Select(d => d.FileName).ToListAsync(Cancel)));
    }

    [Theory]
    [InlineData("photo.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData("scan.jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData("policy.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0 }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Inspect_AllowedTypes_AreKnownByTheirFirstBytes(string fileName, byte[] content, string contentType) =>
        Assert.Equal((contentType, (string?)null), PassportDocuments.Inspect(fileName, content.Length, content));

    [Fact]
    public async Task Detach_LastUse_DeletesTheDocument()
    {
        var (organisation, policy, _) = await ArrangeAsync();
        await using var db = fixture.Database.CreateContext();
        var upload = await PassportDocuments.AttachAsync(db, policy, "policy.pdf", PlaceholderPdf.Create("Policy"), null, Cancel);

        await PassportDocuments.DetachAsync(db, policy.Id, upload.Document!.Id, Cancel);

        Assert.False(await db.PassportDocuments.AnyAsync(d => d.OrganisationId == organisation, Cancel));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "PassportDocument.Deleted" && e.EntityId == upload.Document.Id.ToString(), Cancel));
    }
}
