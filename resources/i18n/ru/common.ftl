# common

## Счёт

count-notes = { $count ->
    [one] { $count } заметка
    [few] { $count } заметки
   *[many] { $count } заметок
}
