using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>A person's record as one reader may see it, with the grounds on which they see it.</summary>
public sealed record PersonView(Person Person, PersonAccessFacts Facts, PersonAccessResult Access);

/// <summary>
/// The one door to a person's record: it loads what <see cref="PersonAccess"/> needs, applies it,
/// and writes every read, and every refused attempt, into the audit log with its grounds.
/// </summary>
public sealed class PersonRecords(CommonwealDbContext db)
{
    public const string ReadAction = "Person.Read";
    public const string RefusedAction = "Person.ReadRefused";

    public async Task<PersonAccessFacts> FactsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var team = await db.CareTeamMembers.AsNoTracking().Include(m => m.Organisation)
            .Where(m => m.PersonId == personId).OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.GivenAt).ToListAsync(cancellationToken);
        var glass = await db.BreakGlassAccesses.AsNoTracking().Where(b => b.PersonId == personId).ToListAsync(cancellationToken);
        return new PersonAccessFacts(team, consents, glass);
    }

    /// <summary>
    /// Opens the record for reading, for a stated purpose ("person page", "API"); null with the refusal
    /// when not allowed, and the same refusal whether or not the person exists.
    /// </summary>
    public async Task<CareResult<PersonView>> OpenAsync(Guid personId, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<PersonView>.Fail(PersonErrors.SignInRequired, "Sign in to see people's records.");
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        var facts = person is null ? new PersonAccessFacts([], [], []) : await FactsAsync(personId, cancellationToken);
        var access = PersonAccess.ReadRecord(facts, viewer, db.Now);
        await RecordAsync(personId, access, purpose, cancellationToken);
        return access.Allowed && person is not null
            ? CareResult<PersonView>.Ok(new PersonView(person, facts, access))
            : CareResult<PersonView>.Fail(access.Code ?? PersonErrors.NotAllowed, access.Allowed ? PersonAccess.NoAccessMessage : access.Reason);
    }

    /// <summary>Writes the read (or the refused attempt) into the audit chain now, whatever the caller does next.</summary>
    public async Task RecordAsync(Guid personId, PersonAccessResult access, string purpose, CancellationToken cancellationToken = default)
    {
        Record(personId, access, purpose);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the read (or the refused attempt) to the caller's next save, to be committed with it.</summary>
    public void Record(Guid personId, PersonAccessResult access, string purpose) =>
        db.RecordAudit(
            access.Allowed ? ReadAction : RefusedAction,
            nameof(Person),
            personId.ToString(),
            new { purpose, basis = access.Basis?.ToString(), code = access.Code },
            access.Allowed ? $"{access.Basis}: {access.Reason}" : access.Reason);
}
