using PacSubmissions.Cli;

return await PacCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
