using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory;

/// <summary>
/// Providers keep their own services. An edit to a record a person has assured is held for review,
/// so that what was checked stays checked until someone checks the change; other edits apply at once.
/// </summary>
public static class ServiceEditing
{
    public enum Outcome
    {
        Applied,
        HeldForReview,
    }

    public static async Task<IReadOnlySet<Guid>> KnownNeedsAsync(CommonwealDbContext db, CancellationToken cancellationToken = default) =>
        (await db.TaxonomyTerms.Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();

    public static async Task<Outcome> SubmitAsync(CommonwealDbContext db, Service service, ServiceProfile profile, Guid userId, CancellationToken cancellationToken = default)
    {
        if (service.AssuredDate is null)
        {
            profile.ApplyTo(service);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Applied;
        }

        db.ServiceChanges.Add(new ServiceChange { ServiceId = service.Id, ProposedByUserId = userId, ProposedAt = db.Now, Changes = profile.ToJson() });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.HeldForReview;
    }

    /// <summary>Applies a held change; approving it is checking it, so the record is assured again.</summary>
    public static async Task ApproveAsync(CommonwealDbContext db, ServiceChange change, Guid reviewerId, string reviewerEmail, CancellationToken cancellationToken = default)
    {
        var service = await db.Services.Include(s => s.TaxonomyTerms).FirstAsync(s => s.Id == change.ServiceId, cancellationToken);
        ServiceProfile.FromJson(change.Changes).ApplyTo(service);
        Assure(db, service, reviewerId, reviewerEmail);
        change.Status = ServiceChangeStatus.Approved;
        change.ReviewedByUserId = reviewerId;
        change.ReviewedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RejectAsync(CommonwealDbContext db, ServiceChange change, Guid reviewerId, string note, CancellationToken cancellationToken = default)
    {
        change.Status = ServiceChangeStatus.Rejected;
        change.ReviewedByUserId = reviewerId;
        change.ReviewedAt = db.Now;
        change.ReviewNote = note;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A person has checked the record today.</summary>
    public static void Assure(CommonwealDbContext db, Service service, Guid userId, string email)
    {
        service.AssuredDate = DateOnly.FromDateTime(db.Now);
        service.AssuredByUserId = userId;
        service.AssurerEmail = email;
    }
}
