using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Procurement.Awards;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Ocds;

/// <summary>Where a release comes from: built from an opportunity published here, or stored as imported.</summary>
public sealed record OcdsReleaseRef(string Ocid, string ReleaseId, DateTime Date, Guid? OpportunityId, Guid? StoredId);

/// <summary>
/// Every OCDS release this site publishes: those built from its own published opportunities and
/// those imported from other publishers (served as they were imported). Drafts have none.
/// </summary>
public sealed class OcdsPublication(CommonwealDbContext db, OcdsOptions options)
{
    public OcdsOptions Options => options;

    /// <summary>Every release's ocid, id and date, newest first: cheap to list, so a page is built only for what it shows.</summary>
    public async Task<IReadOnlyList<OcdsReleaseRef>> IndexAsync(CancellationToken cancellationToken = default)
    {
        var refs = new List<OcdsReleaseRef>();
        var (opportunities, awards) = await LoadOwnAsync(db.Opportunities.AsNoTracking().Include(o => o.Transitions), includeOrganisations: false, cancellationToken);
        foreach (var o in opportunities)
        {
            var ocid = options.Ocid(o.Reference);
            refs.AddRange(OcdsReleaseBuilder.Events(o, awards(o.Id), ocid).Select(e => new OcdsReleaseRef(ocid, e.ReleaseId, e.Date, o.Id, null)));
        }

        var stored = await db.OcdsReleases.AsNoTracking().Select(r => new { r.Ocid, r.ReleaseId, r.Date, r.Id }).ToListAsync(cancellationToken);
        refs.AddRange(stored.Select(r => new OcdsReleaseRef(r.Ocid, r.ReleaseId, r.Date, null, r.Id)));
        return [.. refs.OrderByDescending(r => r.Date).ThenByDescending(r => r.Ocid, StringComparer.Ordinal).ThenByDescending(r => r.ReleaseId, StringComparer.Ordinal)];
    }

    /// <summary>The releases named, in the order given.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReleasesAsync(IReadOnlyList<OcdsReleaseRef> refs, CancellationToken cancellationToken = default)
    {
        var built = new Dictionary<string, JsonObject>();
        var ids = refs.Where(r => r.OpportunityId is not null).Select(r => r.OpportunityId!.Value).Distinct().ToList();
        if (ids.Count > 0)
        {
            var (opportunities, awards) = await LoadOwnAsync(db.Opportunities.AsNoTracking().WithDetails().Where(o => ids.Contains(o.Id)), includeOrganisations: true, cancellationToken);
            foreach (var o in opportunities)
            {
                var ocid = options.Ocid(o.Reference);
                foreach (var e in OcdsReleaseBuilder.Events(o, awards(o.Id), ocid))
                {
                    built[e.ReleaseId] = OcdsReleaseBuilder.Release(o, awards(o.Id), ocid, e);
                }
            }
        }

        var storedIds = refs.Where(r => r.StoredId is not null).Select(r => r.StoredId!.Value).ToList();
        var stored = storedIds.Count == 0
            ? []
            : await db.OcdsReleases.AsNoTracking().Where(r => storedIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Json, cancellationToken);
        return [.. refs.Select(r => r.StoredId is { } id ? JsonNode.Parse(stored[id])!.AsObject() : built[r.ReleaseId])];
    }

    /// <summary>Every release of one contracting process, oldest first; empty when the ocid is unknown here.</summary>
    public async Task<IReadOnlyList<JsonObject>> RecordReleasesAsync(string ocid, CancellationToken cancellationToken = default)
    {
        var stored = await db.OcdsReleases.AsNoTracking().Where(r => r.Ocid == ocid).OrderBy(r => r.Date).ThenBy(r => r.ReleaseId).Select(r => r.Json).ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            return [.. stored.Select(json => JsonNode.Parse(json)!.AsObject())];
        }

        if (options.ReferenceOf(ocid) is not { } reference)
        {
            return [];
        }

        var (opportunities, awards) = await LoadOwnAsync(db.Opportunities.AsNoTracking().WithDetails().Where(o => o.Reference == reference), includeOrganisations: true, cancellationToken);
        return opportunities is [var o]
            ? [.. OcdsReleaseBuilder.Events(o, awards(o.Id), ocid).Select(e => OcdsReleaseBuilder.Release(o, awards(o.Id), ocid, e))]
            : [];
    }

    /// <summary>The ocid under which an opportunity is published, or null for a draft.</summary>
    public async Task<string?> OcidOfAsync(Opportunity o, CancellationToken cancellationToken = default)
    {
        var imported = await db.OcdsProcesses.AsNoTracking().Where(p => p.OpportunityId == o.Id).Select(p => p.Ocid).FirstOrDefaultAsync(cancellationToken);
        return imported ?? (o.PublishedAt is null ? null : options.Ocid(o.Reference));
    }

    /// <summary>Published opportunities of this site (not imported ones, which keep their own releases) with their awards.</summary>
    private async Task<(List<Opportunity>, Func<Guid, IReadOnlyList<Award>>)> LoadOwnAsync(IQueryable<Opportunity> query, bool includeOrganisations, CancellationToken cancellationToken)
    {
        var opportunities = await query
            .Where(o => o.PublishedAt != null && !db.OcdsProcesses.Any(p => p.OpportunityId == o.Id))
            .ToListAsync(cancellationToken);
        var ids = opportunities.Select(o => o.Id).ToList();
        var awardQuery = db.Awards.AsNoTracking().Include(a => a.Contracts).AsQueryable();
        // The index reads every published opportunity's awards: by a join, not a list of thousands of ids.
        awardQuery = includeOrganisations
            ? awardQuery.Where(a => ids.Contains(a.OpportunityId)).Include(a => a.Suppliers).ThenInclude(s => s.Organisation)
            : awardQuery.Where(a => a.Opportunity!.PublishedAt != null && !db.OcdsProcesses.Any(p => p.OpportunityId == a.OpportunityId)).Include(a => a.Suppliers);
        var awards = await awardQuery.AsSplitQuery().OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var byOpportunity = awards.GroupBy(a => a.OpportunityId).ToDictionary(g => g.Key, g => (IReadOnlyList<Award>)g.ToList());
        return (opportunities, id => byOpportunity.TryGetValue(id, out var list) ? list : []);
    }
}
