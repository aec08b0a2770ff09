using Commonweal.Data;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Passport;

/// <summary>Adding, changing and removing evidence; every save goes through the audited SaveChangesAsync.</summary>
public static class PassportEditing
{
    private static readonly EvidenceDetailsValidator Validator = new();

    public static ValidationResult Check(EvidenceDetails details) => Validator.Validate(details);

    /// <summary>Tracked, with its training, for changing.</summary>
    public static Task<Evidence?> FindAsync(CommonwealDbContext db, Guid organisationId, Guid evidenceId, CancellationToken cancellationToken = default) =>
        db.PassportEvidence
            .Include(e => ((Volunteer)e).Training)
            .Include(e => e.Attachments).ThenInclude(a => a.Document)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == evidenceId && e.OrganisationId == organisationId, cancellationToken);

    public static async Task<Evidence> AddAsync(CommonwealDbContext db, Guid organisationId, EvidenceDetails details, CancellationToken cancellationToken = default)
    {
        var evidence = details.Create(organisationId);
        evidence.CreatedAt = evidence.UpdatedAt = db.Now;
        db.PassportEvidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return evidence;
    }

    public static async Task UpdateAsync(CommonwealDbContext db, Evidence evidence, EvidenceDetails details, CancellationToken cancellationToken = default)
    {
        details.ApplyTo(evidence);
        evidence.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RemoveAsync(CommonwealDbContext db, Evidence evidence, CancellationToken cancellationToken = default)
    {
        db.PassportEvidence.Remove(evidence);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task AddTrainingAsync(CommonwealDbContext db, Volunteer volunteer, TrainingDetails training, CancellationToken cancellationToken = default)
    {
        var record = training.ToRecord(volunteer.Id);
        volunteer.Training.Add(record);
        db.TrainingRecords.Add(record);
        volunteer.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task RemoveTrainingAsync(CommonwealDbContext db, Volunteer volunteer, Guid trainingId, CancellationToken cancellationToken = default)
    {
        var record = volunteer.Training.FirstOrDefault(t => t.Id == trainingId);
        if (record is not null)
        {
            db.TrainingRecords.Remove(record);
            volunteer.UpdatedAt = db.Now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
