namespace Commonweal.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine(string.Join(' ', args));
        return 0;
    }
}
