using System.CommandLine;
using Commonweal.Cli.Commands;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Commonweal.Cli;

/// <summary>The `commonweal` command, runnable in-process with any configuration and console.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, IConfiguration configuration, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        var database = new CliDatabase(configuration, console);
        var root = new RootCommand("Commonweal: commissioning for community health and social care")
        {
            DbCommands.Create(database),
            SeedCommands.Create(database),
            ImportCommands.Create(database),
            ExportCommands.Create(database),
            AuditCommands.Create(database),
            BackupCommands.Create(database),
            InsightCommands.Create(database),
            OutcomeCommands.Create(database),
        };
        var writer = console.Profile.Out.Writer;
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancellationToken);
    }
}
