using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Commonweal.Cli;

public static class Program
{
    public static Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(System.IO.Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return CliApp.RunAsync(args, configuration, AnsiConsole.Console);
    }
}
