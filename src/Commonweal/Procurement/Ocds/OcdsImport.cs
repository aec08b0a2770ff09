using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Importing;
using Commonweal.Organisations;
using Commonweal.Procurement.Awards;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Ocds;

/// <summary>
/// Imports OCDS release packages and record packages (a file, or a folder of them) as past
/// procurements: each contracting process becomes an opportunity in the state its releases
/// reach, with its awards and contracts; its buyer and suppliers are matched to organisations by
/// identifier, or created. The releases themselves are kept as published (languages, currencies
/// and extensions included) and served again under /ocds. Each file is one transaction: a file
/// with a refused release writes nothing. Releases are keyed by ocid and release id, so importing
/// the same data again writes nothing.
/// <para>
/// A process is shown as awarded when it has an award or contract in force or its tender is
/// complete, as cancelled when its tender was cancelled, withdrawn or unsuccessful, and otherwise
/// as closed: bids for another publisher's tender are not taken here. The nearest Provider
/// Selection Regime process is shown for its procurement method (open or selective: competitive;
/// limited: most suitable provider; direct: direct award C); the releases keep the original.
/// </para>
/// </summary>
public sealed class OcdsImport(CommonwealDbContext db)
{
    public static readonly Actor ImportActor = new(null, "OCDS import");

    private readonly Dictionary<string, Organisation> organisationsByIdentifier = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Organisation> organisationsByName = new(StringComparer.Ordinal);

    public async Task<ImportReport> ImportAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var files = File.Exists(path)
            ? [path]
            : System.IO.Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            await ImportFileAsync(files[i], Path.GetRelativePath(File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path, files[i]), report, cancellationToken);
            progress?.Report((i + 1) * 100 / files.Count);
        }

        return report;
    }

    private async Task ImportFileAsync(string file, string name, ImportReport report, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            await using var stream = File.OpenRead(file);
            root = await JsonNode.ParseAsync(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            report.CountRead();
            report.Reject(name, $"malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
            return;
        }

        var found = Releases(root);
        if (found is null)
        {
            report.CountRead();
            report.Reject($"{name} $", "not an OCDS release package or record package: there is no releases or records list");
            return;
        }

        var valid = new List<(JsonObject Release, string Path)>();
        var rejectedBefore = report.Rejected.Count;
        foreach (var (node, where) in found)
        {
            report.CountRead();
            var errors = OcdsValidation.Validate(node, where);
            foreach (var (at, reason) in errors)
            {
                report.Reject($"{name} {at}", reason);
            }

            if (errors.Count == 0)
            {
                valid.Add((node!.AsObject(), where));
            }
        }

        if (report.Rejected.Count > rejectedBefore)
        {
            // One refused release spoils the file: nothing of it is kept.
            return;
        }

        var publisher = (root as JsonObject)?["publisher"]?["name"] is JsonValue p && p.TryGetValue<string>(out var pn) ? pn : null;
        var written = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var process in valid.GroupBy(v => (string)v.Release["ocid"]!))
        {
            written += await ImportProcessAsync(process.Key, [.. process.Select(v => v.Release)], publisher, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < written; i++)
        {
            report.CountWritten();
        }
    }

    /// <summary>The embedded releases of a release package, a record package or a lone release, with their JSON paths; linked releases (a url only) are left out.</summary>
    private static List<(JsonNode? Release, string Path)>? Releases(JsonNode? root)
    {
        if (root is not JsonObject o)
        {
            return null;
        }

        if (o["releases"] is JsonArray releases)
        {
            return [.. releases.Select((r, i) => (r, $"$.releases[{i}]"))];
        }

        if (o["records"] is JsonArray records)
        {
            var found = new List<(JsonNode?, string)>();
            for (var i = 0; i < records.Count; i++)
            {
                if (records[i]?["releases"] is JsonArray recordReleases)
                {
                    for (var j = 0; j < recordReleases.Count; j++)
                    {
                        var r = recordReleases[j];
                        if (r is JsonObject linked && linked["url"] is not null && linked["id"] is null && linked["ocid"] is null)
                        {
                            continue;
                        }

                        found.Add((r, $"$.records[{i}].releases[{j}]"));
                    }
                }
            }

            return found;
        }

        return o["ocid"] is not null && o["tag"] is not null ? [(o, "$")] : null;
    }

    private async Task<int> ImportProcessAsync(string ocid, List<JsonObject> releases, string? publisher, CancellationToken cancellationToken)
    {
        var process = await db.OcdsProcesses.FirstOrDefaultAsync(p => p.Ocid == ocid, cancellationToken);
        var stored = process is null
            ? []
            : await db.OcdsReleases.Where(r => r.ProcessId == process.Id).Select(r => new { r.ReleaseId, r.Json }).ToListAsync(cancellationToken);
        var known = stored.Select(r => r.ReleaseId).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<JsonObject>();
        foreach (var release in releases)
        {
            if (known.Add(Text(release["id"])!))
            {
                fresh.Add(release);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        var all = stored.Select(s => JsonNode.Parse(s.Json)!.AsObject()).Concat(fresh).ToList();
        var compiled = OcdsMerge.Compile(all);
        var first = all.OrderBy(OcdsMerge.DateOf).First();
        var opportunity = process is null
            ? null
            : await db.Opportunities.Include(o => o.Commissioners).Include(o => o.Lots).Include(o => o.Transitions).AsSplitQuery()
                .FirstAsync(o => o.Id == process.OpportunityId, cancellationToken);
        var isNew = opportunity is null;
        opportunity ??= new Opportunity { Title = "" };
        if (process is null)
        {
            process = new OcdsProcess { Ocid = ocid, OpportunityId = opportunity.Id, ImportedAt = db.Now };
            db.OcdsProcesses.Add(process);
        }

        process.Publisher ??= publisher?.Length > 300 ? publisher[..300] : publisher;
        process.Language ??= Text(compiled["language"]);
        process.Currency ??= FirstCurrency(compiled);
        foreach (var release in fresh)
        {
            db.OcdsReleases.Add(new OcdsRelease
            {
                ProcessId = process.Id, Ocid = ocid, ReleaseId = Text(release["id"])!,
                Date = OcdsValidation.ParseDate(Text(release["date"]))!.Value.UtcDateTime,
                Tags = string.Join(' ', release["tag"]!.AsArray().Select(t => (string?)t)),
                Json = release.ToJsonString(),
            });
        }

        await ApplyAsync(opportunity, isNew, compiled, OcdsMerge.DateOf(first).UtcDateTime, OcdsMerge.DateOf(compiled).UtcDateTime, cancellationToken);
        if (isNew)
        {
            db.Opportunities.Add(opportunity);
            await OpportunityReferences.AssignAsync(db, opportunity, cancellationToken);
        }

        // Saved per process, so that the next new opportunity's reference follows this one's.
        await db.SaveChangesAsync(cancellationToken);
        return fresh.Count;
    }

    private async Task ApplyAsync(Opportunity o, bool isNew, JsonObject compiled, DateTime firstDate, DateTime lastDate, CancellationToken cancellationToken)
    {
        var tender = compiled["tender"] as JsonObject;
        var awards = (compiled["awards"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var contracts = (compiled["contracts"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var parties = ((compiled["parties"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .GroupBy(p => Id(p["id"])).ToDictionary(g => g.Key, g => g.Last());

        var ocid = Text(compiled["ocid"])!;
        o.Title = Clip(Text(tender?["title"]) ?? awards.Select(a => Text(a["title"])).FirstOrDefault(t => t is not null)
            ?? contracts.Select(c => Text(c["title"])).FirstOrDefault(t => t is not null) ?? ocid, Opportunity.TitleMaxLength)!;
        o.Description = Clip(Text(tender?["description"]), Opportunity.DescriptionMaxLength);
        o.Type = OpportunityType.Contract;
        o.Process = Text(tender?["procurementMethod"]) switch
        {
            "limited" => ProcurementProcess.MostSuitableProvider,
            "direct" => ProcurementProcess.DirectAwardC,
            _ => ProcurementProcess.CompetitiveProcess,
        };
        var tenderValue = Amount(tender?["value"]);
        var awardValues = awards.Select(a => Amount(a["value"])).Where(v => v is not null).ToList();
        o.TotalValue = ToPounds(tenderValue ?? awardValues.Sum() ?? 0);
        o.PublishedAt ??= firstDate;
        o.PublicationDate = Timetable.UkDate(o.PublishedAt.Value);
        o.SubmissionDeadline = Date(tender?["tenderPeriod"]?["endDate"]) ?? o.PublishedAt.Value;
        o.ClarificationDeadline = Date(tender?["enquiryPeriod"]?["endDate"]) ?? o.SubmissionDeadline;
        var firstAward = awards.Select(a => Date(a["date"])).Where(d => d is not null).Min();
        o.EvaluationEnd = Timetable.UkDate(Date(tender?["awardPeriod"]?["endDate"]) ?? firstAward ?? o.SubmissionDeadline);
        var period = contracts.Select(c => c["period"]).Concat(awards.Select(a => a["contractPeriod"])).Append(tender?["contractPeriod"])
            .FirstOrDefault(p => Date(p?["startDate"]) is not null);
        o.ContractStart = Timetable.UkDate(Date(period?["startDate"]) ?? lastDate);
        o.ContractEnd = Timetable.UkDate(Date(period?["endDate"]) ?? Date(period?["startDate"]) ?? lastDate);

        // Lots (the lots extension), numbered in the publisher's order.
        var lotIds = new Dictionary<string, Lot>();
        var lots = (tender?["lots"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = o.Lots.FirstOrDefault(l => l.Number == i + 1);
            if (lot is null)
            {
                lot = new Lot { OpportunityId = o.Id, Number = i + 1, Title = "" };
                o.Lots.Add(lot);
            }

            lot.Title = Clip(Text(lots[i]["title"]) ?? $"Lot {Id(lots[i]["id"])}", 200)!;
            lot.Value = ToPounds(Amount(lots[i]["value"]) ?? 0);
            lotIds[Id(lots[i]["id"])] = lot;
        }

        // The buyer is the commissioner, with the whole budget.
        var buyerId = compiled["buyer"]?["id"] is { } b ? Id(b) : parties.Values.FirstOrDefault(p => Roles(p).Contains("buyer")) is { } bp ? Id(bp["id"]) : null;
        if (buyerId is not null)
        {
            var buyer = await OrganisationAsync(parties.GetValueOrDefault(buyerId), compiled["buyer"] as JsonObject, cancellationToken);
            if (o.Commissioners.All(c => c.OrganisationId != buyer.Id))
            {
                o.Commissioners.Clear();
                o.Commissioners.Add(new OpportunityCommissioner { OpportunityId = o.Id, OrganisationId = buyer.Id, SharePercent = 100m });
            }
        }

        var existing = isNew ? [] : await db.Awards.Include(a => a.Suppliers).Include(a => a.Contracts).Where(a => a.OpportunityId == o.Id).ToListAsync(cancellationToken);
        var byOcdsId = new Dictionary<string, Award>(StringComparer.Ordinal);
        foreach (var node in awards)
        {
            var awardId = Id(node["id"]);
            var award = existing.FirstOrDefault(a => a.OcdsId == awardId);
            if (award is null)
            {
                award = new Award { OpportunityId = o.Id, OcdsId = Clip(awardId, 200) };
                db.Awards.Add(award);
            }

            award.Title = Clip(Text(node["title"]), Opportunity.TitleMaxLength);
            award.Value = Amount(node["value"]);
            award.Currency = Text(node["value"]?["currency"]) ?? award.Currency;
            award.Date = Date(node["date"]) ?? lastDate;
            award.Status = Text(node["status"]) switch
            {
                "active" => AwardStatus.Active,
                "cancelled" or "unsuccessful" => AwardStatus.Cancelled,
                _ => AwardStatus.Pending,
            };
            award.ConfirmedAt = award.Status == AwardStatus.Active ? award.Date : null;
            award.CancelledAt = award.Status == AwardStatus.Cancelled ? award.CancelledAt ?? lastDate : null;
            award.LotId = node["relatedLots"] is JsonArray related && related.Count > 0 && lotIds.TryGetValue(Id(related[0]), out var lot) ? lot.Id : null;
            var suppliers = new List<Organisation>();
            foreach (var supplier in (node["suppliers"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var organisation = await OrganisationAsync(parties.GetValueOrDefault(Id(supplier["id"])), supplier, cancellationToken);
                if (!suppliers.Contains(organisation))
                {
                    suppliers.Add(organisation);
                }
            }

            award.Suppliers.RemoveAll(s => suppliers.All(x => x.Id != s.OrganisationId));
            for (var i = 0; i < suppliers.Count; i++)
            {
                var row = award.Suppliers.FirstOrDefault(s => s.OrganisationId == suppliers[i].Id);
                if (row is null)
                {
                    award.Suppliers.Add(row = new AwardSupplier { AwardId = award.Id, OrganisationId = suppliers[i].Id });
                }

                // The first supplier named leads a consortium.
                row.IsLead = i == 0;
            }

            byOcdsId[awardId] = award;
        }

        foreach (var node in contracts)
        {
            // A contract whose award is not published is kept in the releases only.
            if (!byOcdsId.TryGetValue(Id(node["awardID"]), out var award))
            {
                continue;
            }

            var contractId = Id(node["id"]);
            var contract = award.Contracts.FirstOrDefault(c => c.OcdsId == contractId);
            if (contract is null)
            {
                contract = new Contract { AwardId = award.Id, OcdsId = Clip(contractId, 200), RecordedAt = lastDate };
                award.Contracts.Add(contract);
                if (!isNew)
                {
                    db.Contracts.Add(contract);
                }
            }

            contract.Title = Clip(Text(node["title"]), Opportunity.TitleMaxLength);
            contract.Value = Amount(node["value"]);
            contract.Currency = Text(node["value"]?["currency"]) ?? award.Currency;
            contract.Start = Timetable.UkDate(Date(node["period"]?["startDate"]) ?? o.ContractStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            contract.End = Timetable.UkDate(Date(node["period"]?["endDate"]) ?? o.ContractEnd.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            contract.SignedAt = Date(node["dateSigned"]);
            contract.Status = Text(node["status"]) switch
            {
                "active" => ContractStatus.Active,
                "cancelled" => ContractStatus.Cancelled,
                "terminated" => ContractStatus.Terminated,
                _ => ContractStatus.Pending,
            };
        }

        var tenderStatus = Text(tender?["status"]);
        var status = tenderStatus is "cancelled" or "unsuccessful" or "withdrawn" ? OpportunityStatus.Cancelled
            : tenderStatus == "complete" || byOcdsId.Values.Any(a => a.Status == AwardStatus.Active) || contracts.Count > 0 ? OpportunityStatus.Awarded
            : OpportunityStatus.Closed;
        if (isNew)
        {
            o.Transitions.Add(new OpportunityTransition { OpportunityId = o.Id, From = OpportunityStatus.Draft, To = OpportunityStatus.Published, At = o.PublishedAt.Value, By = ImportActor.Name, Reason = $"Published elsewhere under {ocid}." });
            o.Status = OpportunityStatus.Published;
        }

        if (o.Status != status)
        {
            o.Transitions.Add(new OpportunityTransition { OpportunityId = o.Id, From = o.Status, To = status, At = lastDate, By = ImportActor.Name, Reason = "As the imported OCDS releases record." });
            if (!isNew)
            {
                db.OpportunityTransitions.Add(o.Transitions[^1]);
            }

            o.Status = status;
        }
    }

    /// <summary>Matches a party to an organisation by its identifier (or, with none, by name), creating it when unknown.</summary>
    private async Task<Organisation> OrganisationAsync(JsonObject? party, JsonObject? reference, CancellationToken cancellationToken)
    {
        var name = Clip(Text(party?["name"]) ?? Text(reference?["name"]) ?? Text(party?["identifier"]?["legalName"]) ?? "Unnamed organisation", Organisation.NameMaxLength)!;
        var identifier = IdentifierOf(party, reference);
        if (identifier is not null)
        {
            if (organisationsByIdentifier.TryGetValue(identifier, out var cached))
            {
                return cached;
            }

            var found = await db.Organisations.FirstOrDefaultAsync(x => x.Identifier == identifier, cancellationToken);
            if (found is not null)
            {
                return organisationsByIdentifier[identifier] = found;
            }
        }
        else
        {
            if (organisationsByName.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var found = await db.Organisations.FirstOrDefaultAsync(x => x.Identifier == null && x.Name == name, cancellationToken);
            if (found is not null)
            {
                return organisationsByName[name] = found;
            }
        }

        var address = party?["address"] as JsonObject;
        var organisation = new Organisation
        {
            Name = name,
            Identifier = identifier,
            AddressLine1 = Clip(Text(address?["streetAddress"]), 200),
            Town = Clip(Text(address?["locality"]), 100),
            Postcode = Postcodes.Normalise(Text(address?["postalCode"])),
            Website = Clip(Text(party?["contactPoint"]?["url"]), 300),
            Description = "Imported from published OCDS data.",
        };
        db.Organisations.Add(organisation);
        if (identifier is not null)
        {
            organisationsByIdentifier[identifier] = organisation;
        }
        else
        {
            organisationsByName[name] = organisation;
        }

        return organisation;
    }

    /// <summary>
    /// The party's org-id identifier: its identifier's scheme and id, else its party id, normalised
    /// when the register is one Commonweal checks (so GB-COH-1234567 finds GB-COH-01234567); an
    /// identifier of another register is kept as published. A party with no scheme has none.
    /// </summary>
    private static string? IdentifierOf(JsonObject? party, JsonObject? reference)
    {
        var scheme = Text(party?["identifier"]?["scheme"]) ?? Text(reference?["identifier"]?["scheme"]);
        var number = party?["identifier"]?["id"] is { } n ? Id(n) : reference?["identifier"]?["id"] is { } rn ? Id(rn) : null;
        var partyId = party?["id"] is { } pid ? Id(pid) : reference?["id"] is { } rid ? Id(rid) : null;
        var candidates = new List<string>();
        if (scheme is not null && number is not null)
        {
            candidates.Add($"{scheme}-{number}");
        }

        if (partyId is not null)
        {
            candidates.Add(partyId);
        }

        foreach (var candidate in candidates)
        {
            if (OrgIdentifier.Parse(candidate).Identifier is { } valid)
            {
                return valid;
            }
        }

        // Without a scheme the party id is only the publisher's own, not an organisation identifier.
        var raw = scheme is not null && number is not null ? $"{scheme}-{number}" : null;
        return raw is not null && raw.Length <= 40 ? raw : null;
    }

    private static IEnumerable<string> Roles(JsonObject party) =>
        (party["roles"] as JsonArray)?.Select(r => r is JsonValue v && v.TryGetValue<string>(out var s) ? s : "") ?? [];

    private static string? FirstCurrency(JsonObject compiled) =>
        new[] { compiled["tender"]?["value"] }
            .Concat((compiled["awards"] as JsonArray)?.Select(a => a?["value"]) ?? [])
            .Concat((compiled["contracts"] as JsonArray)?.Select(c => c?["value"]) ?? [])
            .Select(v => Text(v?["currency"])).FirstOrDefault(c => c is not null);

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string Id(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : "";

    private static decimal? Amount(JsonNode? value) =>
        value?["amount"] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static long ToPounds(decimal amount) => (long)Math.Clamp(Math.Round(amount), 0, long.MaxValue);

    private static DateTime? Date(JsonNode? node) => OcdsValidation.ParseDate(Text(node))?.UtcDateTime;

    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
