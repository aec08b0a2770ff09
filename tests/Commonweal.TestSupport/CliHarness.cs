using Commonweal.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Commonweal.TestSupport;

/// <summary>Runs the `commonweal` command in-process against a test database and captures what it prints.</summary>
public static class CliHarness
{
    public sealed record CliRun(int ExitCode, string Output)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    public static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => RunAsync(database.Settings, args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exitCode = await CliApp.RunAsync(args, configuration, console, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString());
    }
}
