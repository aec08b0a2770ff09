using Spectre.Console;

namespace Commonweal.Cli;

public static class PlainOutput
{
    /// <summary>
    /// Writes a line as it is: Spectre would wrap text at the console width (80 columns when piped),
    /// which would split the rejection lines and summaries that scripts read.
    /// </summary>
    public static void WritePlainLine(this IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);
}
