using System.CommandLine;
using Commonweal.Audit;

namespace Commonweal.Cli.Commands;

/// <summary>`audit verify`: checks every link of the hash-chained audit log, without writing to it.</summary>
public static class AuditCommands
{
    public static Command Create(CliDatabase database)
    {
        var verify = new Command("verify", "Check that no audit entry has been altered, removed or reordered");
        verify.SetAction(async (_, cancellationToken) =>
        {
            await using var db = database.CreateContext();
            var result = await AuditVerifier.VerifyAsync(db, cancellationToken: cancellationToken);
            if (result.Break is { } broken)
            {
                database.Console.WritePlainLine($"Audit chain broken at entry {broken.Sequence} ({broken.Id}): {broken.Reason}");
                return 1;
            }

            database.Console.WritePlainLine($"Audit chain intact: {result.Checked} entries");
            return 0;
        });

        return new Command("audit", "Work with the audit log") { verify };
    }
}
