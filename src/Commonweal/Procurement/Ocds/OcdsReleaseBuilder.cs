using System.Globalization;
using System.Text.Json.Nodes;
using Commonweal.Organisations;
using Commonweal.Procurement.Awards;

namespace Commonweal.Procurement.Ocds;

public enum OcdsReleaseKind
{
    Tender,
    TenderUpdate,
    Award,
    AwardUpdate,
    AwardCancellation,
    Contract,
    TenderCancellation,
}

/// <summary>One published moment of a contracting process, which becomes one release.</summary>
public sealed record OcdsEvent(OcdsReleaseKind Kind, DateTime Date, string ReleaseId);

/// <summary>
/// Builds the OCDS 1.1 releases of an opportunity published here. Each release is the state of
/// the process as it was at that moment (the tender as published, the awards and contracts made by
/// then, with the statuses they had), so that merging them in date order gives the current state.
/// Releases are derived from what the database records (publication, the lifecycle's transitions,
/// award and contract dates), so an opportunity that never left draft has none.
/// <para>
/// Mapping, documented here because it is a judgement: the process gives
/// <c>procurementMethod</c> (competitive process and grant rounds are <c>open</c>; direct awards A,
/// B and C are <c>direct</c>; most suitable provider is <c>limited</c>, the commissioner choosing
/// among providers it knows) and <c>procurementMethodDetails</c> names the process. Tender status is
/// <c>active</c> from publication to award, <c>complete</c> once awarded and <c>cancelled</c> when
/// cancelled. Commissioners are <c>buyer</c>s (their budgets pay); the one with the largest share is
/// also the <c>procuringEntity</c> and the release's <c>buyer</c>. Suppliers are <c>supplier</c>s and,
/// except in direct awards, <c>tenderer</c>s. Lots follow the OCDS lots extension
/// (<c>tender.lots</c>, <c>awards[].relatedLots</c>).
/// </para>
/// <para>
/// Extension fields: <c>parties[].details.thirdSector</c> (see <see cref="OcdsParties.ThirdSector"/>);
/// <c>tender.fairnessOverrideReason</c>, the commissioner's reason for publishing despite the
/// fairness check (also added to <c>tender.description</c>, for readers that know no extensions);
/// <c>awards[].standstillPeriod</c>; <c>contracts[].outcomeLinkedPaymentPercent</c>, the percent
/// of the value held against outcome targets.
/// </para>
/// </summary>
public static class OcdsReleaseBuilder
{
    public const string LotsExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";

    public static IReadOnlyList<OcdsEvent> Events(Opportunity o, IReadOnlyList<Award> awards, string ocid)
    {
        if (o.PublishedAt is not { } published)
        {
            return [];
        }

        var events = new List<OcdsEvent> { new(OcdsReleaseKind.Tender, published, $"{ocid}-tender") };
        if (o.Transitions.FirstOrDefault(t => t.To == OpportunityStatus.Closed) is { } closed)
        {
            events.Add(new(OcdsReleaseKind.TenderUpdate, closed.At, $"{ocid}-tenderUpdate-closed"));
        }

        var awarded = AwardedAt(o);
        if (awarded is { } at && awards.Count == 0)
        {
            events.Add(new(OcdsReleaseKind.TenderUpdate, at, $"{ocid}-tenderUpdate-awarded"));
        }

        foreach (var award in awards)
        {
            events.Add(new(OcdsReleaseKind.Award, MadeAt(award), $"{ocid}-award-{award.Id:N}"));
            if (ConfirmedAt(award, awarded) is { } confirmed)
            {
                events.Add(new(OcdsReleaseKind.AwardUpdate, confirmed, $"{ocid}-awardUpdate-{award.Id:N}"));
            }

            if (award.CancelledAt is { } cancelled)
            {
                events.Add(new(OcdsReleaseKind.AwardCancellation, cancelled, $"{ocid}-awardCancellation-{award.Id:N}"));
            }

            foreach (var contract in award.Contracts)
            {
                events.Add(new(OcdsReleaseKind.Contract, contract.RecordedAt, $"{ocid}-contract-{contract.Id:N}"));
            }
        }

        if (o.Transitions.FirstOrDefault(t => t.To == OpportunityStatus.Cancelled) is { } cancellation)
        {
            events.Add(new(OcdsReleaseKind.TenderCancellation, cancellation.At, $"{ocid}-tenderCancellation"));
        }

        return [.. events.OrderBy(e => e.Date).ThenBy(e => e.Kind)];
    }

    /// <summary>The release for one event: everything known about the process at that moment.</summary>
    public static JsonObject Release(Opportunity o, IReadOnlyList<Award> awards, string ocid, OcdsEvent e)
    {
        var t = e.Date;
        var awardedAt = AwardedAt(o);
        var current = awards.Where(a => MadeAt(a) <= t).ToList();
        var commissioners = o.Commissioners.Where(c => c.Organisation is not null)
            .OrderByDescending(c => c.SharePercent).ThenBy(c => c.Organisation!.Name, StringComparer.Ordinal).ToList();
        var lead = commissioners.FirstOrDefault()?.Organisation;

        var parties = new Dictionary<Guid, (Organisation Organisation, List<string> Roles)>();
        void Role(Organisation org, string role)
        {
            if (!parties.TryGetValue(org.Id, out var party))
            {
                party = (org, []);
                parties[org.Id] = party;
            }

            if (!party.Roles.Contains(role))
            {
                party.Roles.Add(role);
            }
        }

        foreach (var c in commissioners)
        {
            Role(c.Organisation!, "buyer");
            if (c.Organisation == lead)
            {
                Role(c.Organisation!, "procuringEntity");
            }
        }

        var direct = o.Process is ProcurementProcess.DirectAwardA or ProcurementProcess.DirectAwardB or ProcurementProcess.DirectAwardC;
        foreach (var supplier in current.SelectMany(a => a.Suppliers).Where(s => s.Organisation is not null))
        {
            if (!direct)
            {
                Role(supplier.Organisation!, "tenderer");
            }

            Role(supplier.Organisation!, "supplier");
        }

        var release = new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = e.ReleaseId,
            ["date"] = Instant(t),
            ["tag"] = new JsonArray(Tag(e.Kind)),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = new JsonArray([.. parties.Values.Select(p => (JsonNode)Party(p.Organisation, p.Roles))]),
        };
        if (lead is not null)
        {
            release["buyer"] = Reference(lead);
        }

        release["tender"] = Tender(o, lead, TenderStatusAt(o, t), ocid);
        if (current.Count > 0)
        {
            release["awards"] = new JsonArray([.. current.Select(a => (JsonNode)AwardNode(o, a, t, awardedAt))]);
        }

        var contracts = current.SelectMany(a => a.Contracts).Where(c => c.RecordedAt <= t).ToList();
        if (contracts.Count > 0)
        {
            release["contracts"] = new JsonArray([.. contracts.Select(c => (JsonNode)ContractNode(c, t))]);
        }

        return release;
    }

    public static string Tag(OcdsReleaseKind kind) => kind switch
    {
        OcdsReleaseKind.Tender => "tender",
        OcdsReleaseKind.TenderUpdate => "tenderUpdate",
        OcdsReleaseKind.Award => "award",
        OcdsReleaseKind.AwardUpdate => "awardUpdate",
        OcdsReleaseKind.AwardCancellation => "awardCancellation",
        OcdsReleaseKind.Contract => "contract",
        _ => "tenderCancellation",
    };

    public static string ProcurementMethod(ProcurementProcess process) => process switch
    {
        ProcurementProcess.DirectAwardA or ProcurementProcess.DirectAwardB or ProcurementProcess.DirectAwardC => "direct",
        ProcurementProcess.MostSuitableProvider => "limited",
        _ => "open",
    };

    private static JsonObject Tender(Opportunity o, Organisation? lead, string status, string ocid)
    {
        var description = o.Description ?? "";
        if (o.FairnessOverrideReason is { } reason)
        {
            description = (description.Length > 0 ? description + "\n\n" : "")
                + $"Published despite the fairness check, which found terms that may keep small organisations out. The commissioner's reason: {reason}";
        }

        var tender = new JsonObject
        {
            ["id"] = $"{ocid}-tender",
            ["title"] = o.Title,
        };
        if (description.Length > 0)
        {
            tender["description"] = description;
        }

        tender["status"] = status;
        if (lead is not null)
        {
            tender["procuringEntity"] = Reference(lead);
        }

        tender["value"] = Money(o.TotalValue, Award.Pounds);
        tender["procurementMethod"] = ProcurementMethod(o.Process);
        tender["procurementMethodDetails"] = ProcurementLabels.DisplayName(o.Process);
        tender["mainProcurementCategory"] = "services";
        if (o.Criteria.Count > 0)
        {
            tender["awardCriteria"] = "ratedCriteria";
            tender["awardCriteriaDetails"] = string.Join("; ", o.Criteria.OrderBy(c => c.Order).Select(c => $"{c.Name}: {ProcurementLabels.Percent(c.Weight)}"));
        }

        tender["tenderPeriod"] = Period(Instant(o.PublishedAt!.Value), Instant(o.SubmissionDeadline));
        tender["enquiryPeriod"] = Period(Instant(o.PublishedAt!.Value), Instant(o.ClarificationDeadline));
        tender["awardPeriod"] = Period(Instant(o.SubmissionDeadline), DayEnd(o.EvaluationEnd));
        tender["contractPeriod"] = Period(DayStart(o.ContractStart), DayEnd(o.ContractEnd));
        if (o.Lots.Count > 0)
        {
            tender["lots"] = new JsonArray([.. o.Lots.OrderBy(l => l.Number).Select(l => (JsonNode)new JsonObject
            {
                ["id"] = l.Id.ToString(),
                ["title"] = $"Lot {l.Number}: {l.Title}",
                ["status"] = status,
                ["value"] = Money(l.Value, Award.Pounds),
            })]);
        }

        if (o.FairnessOverrideReason is not null)
        {
            tender["fairnessOverrideReason"] = o.FairnessOverrideReason;
        }

        return tender;
    }

    private static JsonObject AwardNode(Opportunity o, Award a, DateTime t, DateTime? awardedAt)
    {
        var status = a.CancelledAt <= t ? "cancelled" : ConfirmedAt(a, awardedAt) <= t ? "active" : "pending";
        var node = new JsonObject { ["id"] = a.Id.ToString() };
        var lot = a.LotId is { } lotId ? o.Lots.FirstOrDefault(l => l.Id == lotId) : null;
        node["title"] = a.Title ?? (lot is null ? $"Award of {o.Title}" : $"Award of {o.Title}, lot {lot.Number}: {lot.Title}");
        node["status"] = status;
        node["date"] = Instant(a.Date);
        if (a.Value is { } value)
        {
            node["value"] = Money(value, a.Currency);
        }

        node["suppliers"] = new JsonArray([.. a.Suppliers.Where(s => s.Organisation is not null)
            .OrderByDescending(s => s.IsLead).Select(s => (JsonNode)Reference(s.Organisation!))]);
        node["contractPeriod"] = Period(DayStart(o.ContractStart), DayEnd(o.ContractEnd));
        if (lot is not null)
        {
            node["relatedLots"] = new JsonArray(lot.Id.ToString());
        }

        if (a.StandstillEndsAt is { } ends && o.StandstillStartedAt is { } started)
        {
            node["standstillPeriod"] = Period(Instant(started), Instant(ends));
        }

        return node;
    }

    private static JsonObject ContractNode(Contract c, DateTime t)
    {
        var status = c.Status switch
        {
            ContractStatus.Cancelled or ContractStatus.Terminated => c.Status == ContractStatus.Cancelled ? "cancelled" : "terminated",
            _ => c.SignedAt <= t ? "active" : "pending",
        };
        var node = new JsonObject
        {
            ["id"] = c.Id.ToString(),
            ["awardID"] = c.AwardId.ToString(),
        };
        if (c.Title is not null)
        {
            node["title"] = c.Title;
        }

        node["status"] = status;
        node["period"] = Period(DayStart(c.Start), DayEnd(c.End));
        if (c.Value is { } value)
        {
            node["value"] = Money(value, c.Currency);
        }

        if (c.SignedAt is { } signed && signed <= t)
        {
            node["dateSigned"] = Instant(signed);
        }

        node["outcomeLinkedPaymentPercent"] = c.OutcomeLinkedPaymentPercent;
        return node;
    }

    private static JsonObject Party(Organisation o, List<string> roles)
    {
        var party = new JsonObject { ["id"] = OcdsParties.PartyId(o), ["name"] = o.Name };
        if (OrgIdentifier.Split(o.Identifier) is { } id)
        {
            party["identifier"] = new JsonObject { ["scheme"] = id.Prefix, ["id"] = id.Number, ["legalName"] = o.Name };
        }

        var address = new JsonObject();
        var street = string.Join(", ", new[] { o.AddressLine1, o.AddressLine2 }.Where(l => !string.IsNullOrWhiteSpace(l)));
        if (street.Length > 0)
        {
            address["streetAddress"] = street;
        }

        if (o.Town is not null)
        {
            address["locality"] = o.Town;
        }

        if (o.Postcode is not null)
        {
            address["postalCode"] = o.Postcode;
        }

        if (address.Count > 0)
        {
            address["countryName"] = "United Kingdom";
            party["address"] = address;
        }

        party["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]);
        var details = new JsonObject();
        if (OcdsParties.Scale(o) is { } scale)
        {
            details["scale"] = scale;
        }

        if (OcdsParties.ThirdSector(o) is { } third)
        {
            details["thirdSector"] = third;
        }

        if (details.Count > 0)
        {
            party["details"] = details;
        }

        return party;
    }

    private static JsonObject Reference(Organisation o) => new() { ["id"] = OcdsParties.PartyId(o), ["name"] = o.Name };

    private static JsonObject Money(decimal amount, string currency) => new() { ["amount"] = amount, ["currency"] = currency };

    private static JsonObject Period(string start, string end) => new() { ["startDate"] = start, ["endDate"] = end };

    private static DateTime MadeAt(Award a) => a.IntentionToAwardAt ?? a.Date;

    /// <summary>
    /// When the award came into force: as recorded, or, for a pending award whose opportunity the
    /// procurement clock has awarded at the end of the standstill, when the opportunity was awarded.
    /// </summary>
    public static DateTime? ConfirmedAt(Award a, DateTime? opportunityAwardedAt) =>
        a.ConfirmedAt ?? (a.Status == AwardStatus.Pending ? opportunityAwardedAt : null);

    public static DateTime? AwardedAt(Opportunity o) =>
        o.Transitions.Where(t => t.To == OpportunityStatus.Awarded).Select(t => (DateTime?)t.At).Max();

    private static string TenderStatusAt(Opportunity o, DateTime t)
    {
        var status = o.Transitions.Where(x => x.At <= t).OrderBy(x => x.At).Select(x => (OpportunityStatus?)x.To).LastOrDefault() ?? o.Status;
        return status switch
        {
            OpportunityStatus.Awarded => "complete",
            OpportunityStatus.Cancelled => "cancelled",
            _ => "active",
        };
    }

    public static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first moment of a UK day, with the UK offset of that day.</summary>
    public static string DayStart(DateOnly day) => Local(day.ToDateTime(TimeOnly.MinValue));

    public static string DayEnd(DateOnly day) => Local(day.ToDateTime(new TimeOnly(23, 59, 59)));

    private static string Local(DateTime unspecified)
    {
        var offset = Timetable.UkZone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
