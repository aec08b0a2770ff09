using Commonweal.Procurement;
using Commonweal.Procurement.Awards;

namespace Commonweal.Insight;

/// <summary>
/// Turns a contract made here into funding records, when the contract is recorded, so that every
/// figure reads one table. The value goes to the lead supplier (the party contracted, which pays
/// its consortium members under its own agreements) and is split between joint commissioners by
/// their agreed budget shares.
/// </summary>
public static class ContractFunding
{
    public static List<FundingRecord> For(Opportunity o, Award award, Contract contract, IReadOnlyDictionary<Guid, string> names, DateTime now)
    {
        var lead = award.Lead;
        if (lead is null || contract.Value is not { } value || value <= 0)
        {
            return [];
        }

        var commissioners = o.Commissioners.Count > 0
            ? o.Commissioners.Select(c => (c.OrganisationId, Share: c.SharePercent / 100m)).ToList()
            : [];
        var records = new List<FundingRecord>();
        foreach (var (funderId, share) in commissioners)
        {
            var record = new FundingRecord
            {
                Source = FundingSource.Award,
                FunderOrganisationId = funderId,
                FunderName = names.GetValueOrDefault(funderId) ?? "Commissioner",
                RecipientOrganisationId = lead.OrganisationId,
                Amount = Math.Round(value * share, 2),
                Currency = contract.Currency,
                Title = contract.Title ?? award.Title ?? o.Title,
                ContractId = contract.Id,
                SourceKey = $"contract:{contract.Id:N}:{funderId:N}",
                RecordedAt = now,
            };
            record.SetDates(DateOnly.FromDateTime(award.Date), contract.Start, contract.End);
            records.Add(record);
        }

        return records;
    }
}
