using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement;

/// <summary>People-facing references, CW-2026-00123: the year the draft was made and a sequence within it.</summary>
public static class OpportunityReferences
{
    public static string Format(int year, int sequence) => $"CW-{year:D4}-{sequence:D5}";

    /// <summary>
    /// Gives the opportunity the next reference of the year. The unique index on (year, sequence)
    /// refuses a duplicate from a concurrent writer; <see cref="SaveNewAsync"/> then tries again.
    /// </summary>
    public static async Task AssignAsync(CommonwealDbContext db, Opportunity o, CancellationToken cancellationToken = default)
    {
        var year = Timetable.UkDate(db.Now).Year;
        var last = await db.Opportunities.Where(x => x.ReferenceYear == year).MaxAsync(x => (int?)x.ReferenceSequence, cancellationToken) ?? 0;
        o.ReferenceYear = year;
        o.ReferenceSequence = last + 1;
        o.Reference = Format(year, o.ReferenceSequence);
    }

    /// <summary>Adds and saves a new opportunity with a fresh reference, retrying if another took it first.</summary>
    public static async Task SaveNewAsync(CommonwealDbContext db, Opportunity o, CancellationToken cancellationToken = default)
    {
        db.Opportunities.Add(o);
        for (var attempt = 1; ; attempt++)
        {
            await AssignAsync(db, o, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another draft took the number; the entity is still Added, so it is saved again with the next one.
            }
        }
    }
}
