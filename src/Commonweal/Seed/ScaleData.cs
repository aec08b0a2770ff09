using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

public sealed record ScaleCounts(int Organisations, int Users, int Memberships)
{
    /// <summary>What a scale asks for: 50,000 organisations and 10,000 users per unit.</summary>
    public static ScaleCounts For(double scale) =>
        new((int)Math.Round(scale * 50_000), (int)Math.Round(scale * 10_000), 0);
}

/// <summary>
/// National-size synthetic data for benchmarks (`commonweal seed --scale N`). Rows go in batches,
/// each with a fresh context and its own save, so memory stays flat and every batch is audited like
/// any other change.
/// </summary>
public static class ScaleData
{
    public const int BatchSize = 5_000;
    public const string UserDomain = "scale.commonweal.example";
    public const string Password = "scale-password-2026";

    /// <param name="createContext">Makes a fresh context for each batch.</param>
    /// <param name="scale">1 means 50,000 organisations and 10,000 users.</param>
    /// <param name="progress">Receives the number of organisations and users written so far.</param>
    /// <param name="seed">The same seed gives the same names, identifiers and places.</param>
    /// <param name="cancellationToken">Stops between batches; batches already saved stay.</param>
    public static async Task<ScaleCounts> SeedAsync(
        Func<CommonwealDbContext> createContext, double scale, IProgress<int>? progress = null, int seed = 2026,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var planned = ScaleCounts.For(scale);
        var random = new Random(seed);
        HashSet<string> identifiersInUse;
        int usersBefore;
        await using (var db = createContext())
        {
            identifiersInUse = (await db.Organisations.Where(o => o.Identifier != null).Select(o => o.Identifier!).ToListAsync(cancellationToken)).ToHashSet();
            usersBefore = await db.Users.CountAsync(u => u.Email!.EndsWith("@" + UserDomain), cancellationToken);
        }

        var generator = new ScaleOrganisations(random, identifiersInUse);
        var organisations = new List<(Guid Id, LegalForm Form)>(planned.Organisations);
        var written = 0;
        while (organisations.Count < planned.Organisations)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.BulkInserts = true;
            var batch = Enumerable.Range(0, Math.Min(BatchSize, planned.Organisations - organisations.Count)).Select(_ => generator.Next()).ToList();
            db.Organisations.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            organisations.AddRange(batch.Select(o => (o.Id, o.LegalForm!.Value)));
            written += batch.Count;
            progress?.Report(written);
        }

        // One hash shared by every synthetic user: hashing each password (deliberately slow, about
        // 100 ms) would take hours at scale, and these accounts only exist for benchmarks.
        var passwordHash = new PasswordHasher<User>().HashPassword(new User { DisplayName = "" }, Password);
        var memberships = 0;
        for (var made = 0; made < planned.Users && organisations.Count > 0;)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.BulkInserts = true;
            var now = db.Now;
            var count = Math.Min(BatchSize, planned.Users - made);
            for (var i = 0; i < count; i++)
            {
                var user = ScaleUsers.Create(usersBefore + made + i + 1, random, passwordHash, now);
                db.Users.Add(user);
                var joined = ScaleUsers.Memberships(user, organisations, random, now).ToList();
                db.Memberships.AddRange(joined);
                memberships += joined.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            made += count;
            written += count;
            progress?.Report(written);
        }

        return planned with { Users = organisations.Count > 0 ? planned.Users : 0, Memberships = memberships };
    }
}
