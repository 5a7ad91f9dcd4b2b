using PacSubmissions.Reports.Isolation;

// Reads documents from standard input and answers each with its reading on standard output, until the input closes.
return await ReaderServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), CancellationToken.None);
