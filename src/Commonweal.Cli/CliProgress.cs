using Spectre.Console;

namespace Commonweal.Cli;

/// <summary>Shows long work as a Spectre progress bar fed through <see cref="IProgress{T}"/>.</summary>
public static class CliProgress
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, string description, double maxValue, Func<IProgress<int>, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: maxValue);
                var result = await work(new TaskProgress(task));
                task.Value = task.MaxValue;
                return result;
            });

    /// <summary>Sets the bar at once on the reporting thread, unlike Progress&lt;T&gt;, which posts and may reorder.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
