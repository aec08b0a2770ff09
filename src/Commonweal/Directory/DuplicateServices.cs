using System.Text.RegularExpressions;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory;

/// <summary>
/// Finds services that are probably the same service entered twice (the same organisation, or
/// the same postcode, with similar names) and merges one into the other.
/// </summary>
public static partial class DuplicateServices
{
    public sealed record Candidate(Guid FirstId, string FirstName, Guid SecondId, string SecondName, string Reason);

    private sealed record Row(Guid Id, string Name, Guid OrganisationId, string? Postcode);

    private static readonly HashSet<string> NoiseWords = ["the", "and", "a", "of", "for", "in", "at", "service", "services", "group", "project", "club"];

    public static async Task<IReadOnlyList<Candidate>> FindAsync(CommonwealDbContext db, int limit = 200, CancellationToken cancellationToken = default)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.Status != ServiceStatus.Defunct)
            .Select(s => new Row(s.Id, s.Name, s.OrganisationId, s.ServiceAtLocations.Select(l => l.Location!.Postcode).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var candidates = new List<Candidate>();
        var seen = new HashSet<(Guid, Guid)>();
        void Compare(Func<Row, object?> key, string reason)
        {
            foreach (var group in services.GroupBy(s => key(s)).Where(g => g.Key is not null && g.Count() > 1))
            {
                var members = group.OrderBy(s => s.Id).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        if (Similar(members[i].Name, members[j].Name) && seen.Add((members[i].Id, members[j].Id)))
                        {
                            candidates.Add(new Candidate(members[i].Id, members[i].Name, members[j].Id, members[j].Name, reason));
                        }
                    }
                }
            }
        }

        Compare(s => s.OrganisationId, "same organisation");
        Compare(s => s.Postcode, "same postcode");
        return candidates.Take(limit).ToList();
    }

    /// <summary>Names that share most of their meaningful words, or one of which contains the other.</summary>
    public static bool Similar(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return false;
        }

        var shared = x.Intersect(y).Count();
        return shared == Math.Min(x.Count, y.Count) || (double)shared / x.Union(y).Count() >= 0.6;
    }

    /// <summary>
    /// Moves everything that refers to the duplicate onto the survivor, then removes the duplicate;
    /// one transaction, recorded in the audit log as a merge.
    /// </summary>
    public static async Task MergeAsync(CommonwealDbContext db, Guid survivorId, Guid duplicateId, CancellationToken cancellationToken = default)
    {
        if (survivorId == duplicateId)
        {
            throw new ArgumentException("A service cannot be merged into itself.", nameof(duplicateId));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survivor = await db.Services.Include(s => s.ServiceAtLocations).Include(s => s.TaxonomyTerms)
            .FirstAsync(s => s.Id == survivorId, cancellationToken);
        var duplicate = await db.Services.Include(s => s.ServiceAtLocations).Include(s => s.TaxonomyTerms).Include(s => s.Schedules)
            .FirstAsync(s => s.Id == duplicateId, cancellationToken);

        foreach (var atLocation in duplicate.ServiceAtLocations.ToList())
        {
            if (survivor.ServiceAtLocations.All(l => l.LocationId != atLocation.LocationId))
            {
                atLocation.ServiceId = survivorId;
            }
        }

        foreach (var term in duplicate.TaxonomyTerms.ToList())
        {
            if (survivor.TaxonomyTerms.All(t => t.TaxonomyTermId != term.TaxonomyTermId))
            {
                term.ServiceId = survivorId;
            }
        }

        foreach (var schedule in duplicate.Schedules)
        {
            schedule.ServiceId = survivorId;
        }

        await db.ServiceChanges.Where(c => c.ServiceId == duplicateId).ForEachAsync(c => c.ServiceId = survivorId, cancellationToken);
        db.RecordAudit("Service.Merged", nameof(Service), survivorId.ToString(), new { merged = duplicateId, name = duplicate.Name });
        // Saved before the removal, so that what was moved is no longer the duplicate's to cascade away.
        await db.SaveChangesAsync(cancellationToken);
        db.Services.Remove(duplicate);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static HashSet<string> Words(string name) =>
        NonWord().Split(name.ToLowerInvariant()).Where(w => w.Length > 0 && !NoiseWords.Contains(w)).ToHashSet();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
