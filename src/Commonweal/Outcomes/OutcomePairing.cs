using Commonweal.Data;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Commonweal.Outcomes;

/// <summary>
/// Keeps <see cref="OutcomePair"/> true to the responses. The context finds, in each save, the
/// referrals whose responses are added, changed or removed (<see cref="Find"/>), and pairs those
/// referrals afresh from all their responses just before writing (<see cref="PairAsync"/>): inside
/// the save's transaction, once SQLite's writer turn or PostgreSQL's audit chain lock is held, so
/// two saves for one referral cannot leave a stale pair. Every path that writes responses (recording,
/// the seeds, tests arranging data) is covered without knowing about pairs.
/// </summary>
internal sealed class OutcomePairing
{
    private readonly List<EntityEntry<OutcomeResponse>> changed;
    private readonly HashSet<Guid> referrals;

    /// <summary>Referrals being added in the same save: not in the database yet, so their dates come from here.</summary>
    private readonly Dictionary<Guid, DateTime> referredInThisSave = [];

    private OutcomePairing(List<EntityEntry<OutcomeResponse>> changed)
    {
        this.changed = changed;
        referrals = [.. changed.Select(e => e.Entity.ReferralId)];
    }

    /// <summary>
    /// A save's changed responses, or null when it changes none (almost every save). Called where the
    /// context has just detected changes, so the tracker is read here and not walked again when pairing.
    /// </summary>
    public static OutcomePairing? Find(ChangeTracker tracker)
    {
        List<EntityEntry<OutcomeResponse>>? changed = null;
        foreach (var entry in tracker.Entries<OutcomeResponse>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (changed ??= []).Add(entry);
            }
        }

        if (changed is null)
        {
            return null;
        }

        var pairing = new OutcomePairing(changed);
        foreach (var entry in tracker.Entries<Referral>().Where(e => pairing.referrals.Contains(e.Entity.Id)))
        {
            pairing.referredInThisSave[entry.Entity.Id] = entry.Entity.CreatedAt;
        }

        // A save tried again pairs afresh.
        foreach (var entry in tracker.Entries<OutcomePair>().Where(p => pairing.referrals.Contains(p.Entity.ReferralId)).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return pairing;
    }

    public async Task PairAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var ids = referrals.ToList();
        var changedIds = changed.Select(e => e.Entity.Id).ToHashSet();
        var stored = await db.OutcomeResponses.AsNoTracking().Where(r => ids.Contains(r.ReferralId))
            .Select(r => new Answers(r.Id, r.ReferralId, r.ServiceId, r.InstrumentKey, r.Timepoint, r.CompletedOn, r.RecordedAt,
                r.Scores.Select(s => new ScaleScore(s.ScaleKey, s.Score)).ToList()))
            .ToListAsync(cancellationToken);
        var answers = stored.Where(a => !changedIds.Contains(a.Id))
            .Concat(changed.Where(e => e.State != EntityState.Deleted).Select(e => Answers.Of(e.Entity)));

        var referredAt = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.CreatedAt, cancellationToken);
        foreach (var (id, at) in referredInThisSave)
        {
            referredAt[id] = at;
        }

        var wanted = Pairs(answers, referredAt).ToDictionary(p => (p.ReferralId, p.InstrumentKey, p.ScaleKey));
        foreach (var pair in await db.OutcomePairs.Where(p => ids.Contains(p.ReferralId)).ToListAsync(cancellationToken))
        {
            if (wanted.Remove((pair.ReferralId, pair.InstrumentKey, pair.ScaleKey), out var now))
            {
                // Set through the entry, so the change is seen even where a seed turns change detection off.
                db.Entry(pair).CurrentValues.SetValues(now);
            }
            else
            {
                db.Remove(pair);
            }
        }

        db.OutcomePairs.AddRange(wanted.Values);
    }

    /// <summary>One response as pairing needs it.</summary>
    internal sealed record Answers(
        Guid Id, Guid ReferralId, Guid ServiceId, string InstrumentKey, OutcomeTimepoint Timepoint, DateOnly CompletedOn, DateTime RecordedAt,
        IReadOnlyList<ScaleScore> Scores)
    {
        public static Answers Of(OutcomeResponse r) =>
            new(r.Id, r.ReferralId, r.ServiceId, r.InstrumentKey, r.Timepoint, r.CompletedOn, r.RecordedAt, [.. r.Scores.Select(s => new ScaleScore(s.ScaleKey, s.Score))]);
    }

    internal sealed record ScaleScore(string Scale, double Score);

    /// <summary>
    /// Each referral's pairs for each instrument: a row per baseline scale, with the latest later
    /// answers (by date answered, then time recorded, then id, so that equal dates still choose one).
    /// A referral with no baseline has no pairs: change is measured from the baseline.
    /// </summary>
    internal static IEnumerable<OutcomePair> Pairs(IEnumerable<Answers> answers, IReadOnlyDictionary<Guid, DateTime> referredAt)
    {
        foreach (var referral in answers.GroupBy(a => (a.ReferralId, a.InstrumentKey)))
        {
            var baseline = referral.Where(a => a.Timepoint == OutcomeTimepoint.Baseline)
                .OrderBy(a => a.CompletedOn).ThenBy(a => a.Id.ToString(), StringComparer.Ordinal).FirstOrDefault();
            if (baseline is null || !referredAt.TryGetValue(referral.Key.ReferralId, out var referred))
            {
                continue;
            }

            var latest = referral.Where(a => a.Timepoint != OutcomeTimepoint.Baseline)
                .OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id.ToString(), StringComparer.Ordinal)
                .FirstOrDefault();
            foreach (var (scale, score) in baseline.Scores)
            {
                yield return new OutcomePair
                {
                    ReferralId = referral.Key.ReferralId,
                    InstrumentKey = referral.Key.InstrumentKey,
                    ScaleKey = scale,
                    ServiceId = baseline.ServiceId,
                    ReferredAt = referred,
                    Baseline = score,
                    Paired = latest is not null,
                    Latest = latest?.Scores.FirstOrDefault(s => s.Scale == scale)?.Score,
                };
            }
        }
    }
}
