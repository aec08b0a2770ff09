using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>
/// Break-glass: someone who works with people, outside the care team, declares why they must read a
/// record now. The declaration is audited, lasts an hour, is listed for platform admins to review and
/// appears in the person's access report.
/// </summary>
public sealed class BreakGlass(CommonwealDbContext db)
{
    public const string DeclaredAction = "Person.BreakGlass";

    public async Task<CareResult<BreakGlassAccess>> DeclareAsync(Guid personId, string? reason, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<BreakGlassAccess>.Fail(PersonErrors.SignInRequired, "Sign in to declare break-glass access.");
        }

        // Commissioners, evaluators and platform admins have no clinical reason to read a record.
        if (!viewer.Memberships.Any(m => viewer.WorksWithPeopleIn(m.OrganisationId)))
        {
            return CareResult<BreakGlassAccess>.Fail(PersonErrors.NotAllowed, "Only practitioners and organisation admins can declare break-glass access.");
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < BreakGlassAccess.ReasonMinLength)
        {
            return CareResult<BreakGlassAccess>.Invalid("reason", $"Explain why you need to see this record now, in at least {BreakGlassAccess.ReasonMinLength} characters");
        }

        if (reason.Length > BreakGlassAccess.ReasonMaxLength)
        {
            return CareResult<BreakGlassAccess>.Invalid("reason", $"Reason must be {BreakGlassAccess.ReasonMaxLength:N0} characters or fewer");
        }

        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return CareResult<BreakGlassAccess>.Fail(PersonErrors.NotFound, "No person has that id.");
        }

        var access = new BreakGlassAccess
        {
            PersonId = personId,
            UserId = viewer.UserId!.Value,
            UserName = viewer.Name,
            Reason = reason,
            DeclaredAt = db.Now,
            ExpiresAt = db.Now + BreakGlassAccess.Lasts,
        };
        db.BreakGlassAccesses.Add(access);
        db.RecordAudit(DeclaredAction, nameof(Person), personId.ToString(), new { access.Id, access.ExpiresAt }, reason);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<BreakGlassAccess>.Ok(access);
    }

    /// <summary>Declarations not yet reviewed, oldest first, for platform admins.</summary>
    public Task<List<BreakGlassAccess>> AwaitingReviewAsync(CancellationToken cancellationToken = default) =>
        db.BreakGlassAccesses.AsNoTracking().Where(b => b.ReviewedAt == null).OrderBy(b => b.DeclaredAt).ToListAsync(cancellationToken);

    public async Task<CareResult<BreakGlassAccess>> ReviewAsync(Guid id, BreakGlassReview? review, string? note, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CareResult<BreakGlassAccess>.Fail(PersonErrors.NotAllowed, "Only platform admins review break-glass access.");
        }

        if (review is null)
        {
            return CareResult<BreakGlassAccess>.Invalid("review", "Select whether the access was justified");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (review == BreakGlassReview.NotJustified && note is null)
        {
            return CareResult<BreakGlassAccess>.Invalid("note", "Say what will be done about access that was not justified");
        }

        if (note?.Length > BreakGlassAccess.ReasonMaxLength)
        {
            return CareResult<BreakGlassAccess>.Invalid("note", $"Note must be {BreakGlassAccess.ReasonMaxLength:N0} characters or fewer");
        }

        var access = await db.BreakGlassAccesses.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (access is null)
        {
            return CareResult<BreakGlassAccess>.Fail(PersonErrors.NotFound, "No break-glass declaration has that id.");
        }

        if (access.ReviewedAt is not null)
        {
            return CareResult<BreakGlassAccess>.Fail(PersonErrors.TransitionNotAllowed, $"This declaration was reviewed by {access.ReviewedBy} at {CareTime.Describe(access.ReviewedAt.Value)}.");
        }

        access.Review = review;
        access.ReviewNote = note;
        access.ReviewedAt = db.Now;
        access.ReviewedBy = viewer.Name;
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<BreakGlassAccess>.Ok(access);
    }
}
