using System.CommandLine;
using System.Data.Common;
using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Commands;

/// <summary>
/// `import referral FILE`: a FHIR R4 referral message bundle, printing the referral's id;
/// `export referral ID`: a referral as that bundle, to standard output. The operator reads
/// personal data without a viewer to check, so every export is written into the audit log.
/// </summary>
public static class ReferralCommands
{
    public static Command Import(CliDatabase database)
    {
        var file = new Argument<string>("file") { Description = "A FHIR R4 message bundle (JSON) shaped like the NHS Booking and Referral Standard" };
        var command = new Command("referral", "Take a FHIR referral message as an incoming referral and print its id (the same message twice gives the same id)") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            var path = parseResult.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                console.WritePlainLine($"Import failed: file '{path}' does not exist. Nothing was written.");
                return 1;
            }

            try
            {
                var json = await File.ReadAllTextAsync(path, cancellationToken);
                await database.MigrateAsync(cancellationToken);
                await using var db = database.CreateContext();
                var result = await new ReferralFhirImport(db).ImportAsync(json, new FhirImportChannel(null, $"operator {CliDatabase.Operator.Name}"), cancellationToken);
                if (!result.Succeeded)
                {
                    console.WritePlainLine($"Import failed: {result.Message} Nothing was written.");
                    return 1;
                }

                // The id alone, so that scripts can take it: id=$(commonweal import referral message.json)
                console.WritePlainLine(result.Value!.ReferralId.ToString());
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or DbUpdateException)
            {
                console.WritePlainLine($"Import failed: {e.Message} Nothing was written.");
                return 1;
            }
        });
        return command;
    }

    public static Command Export(CliDatabase database)
    {
        var id = new Argument<string>("id") { Description = "The referral's id (a GUID)" };
        var command = new Command("referral", "Write a referral as a FHIR R4 message bundle (BaRS servicerequest-request) to standard output; the read is audited") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            if (!Guid.TryParse(parseResult.GetRequiredValue(id), out var referralId))
            {
                console.WritePlainLine($"Export failed: '{parseResult.GetRequiredValue(id)}' is not a referral id; give the GUID that import printed.");
                return 1;
            }

            try
            {
                await database.MigrateAsync(cancellationToken);
                await using var db = database.CreateContext();
                var records = new PersonRecords(db);
                var export = new ReferralFhirExport(db, new ReferralWork(db, records), records);
                var result = await export.ExportAsOperatorAsync(referralId, CliDatabase.Operator.Name, cancellationToken);
                if (!result.Succeeded)
                {
                    console.WritePlainLine($"Export failed: {result.Message}");
                    return 1;
                }

                console.WritePlainLine(result.Value!.ToJson(pretty: true));
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
            {
                console.WritePlainLine($"Export failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
