import { QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { useState } from "react";
import { createQueryClient } from "./query-client";
import { Routes } from "./routes";
import { trpc } from "./trpc";

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Same origin as the page (Vite proxies /trpc to the API), so the session cookie just travels.
  const [trpcClient] = useState(() => trpc.createClient({ links: [httpBatchLink({ url: "/trpc" })] }));
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <Routes />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
